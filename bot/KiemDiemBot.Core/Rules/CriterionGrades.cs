using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules;

/// <summary>Order and Vietnamese names of the criterion grades.</summary>
public static class CriterionGrades
{
    /// <summary>The grades from the best to the worst, the order the form's tick-boxes show them.</summary>
    public static IReadOnlyList<CriterionGrade> TopDown { get; } =
    [
        CriterionGrade.Excellent,
        CriterionGrade.Good,
        CriterionGrade.Average,
        CriterionGrade.Poor,
    ];

    /// <summary>The Vietnamese name, e.g. "Xuất sắc".</summary>
    public static string DisplayName(this CriterionGrade grade) => grade switch
    {
        CriterionGrade.Excellent => RuleTexts.Grade_Excellent,
        CriterionGrade.Good => RuleTexts.Grade_Good,
        CriterionGrade.Average => RuleTexts.Grade_Average,
        CriterionGrade.Poor => RuleTexts.Grade_Poor,
        _ => throw new ArgumentOutOfRangeException(nameof(grade), grade, null),
    };
}
