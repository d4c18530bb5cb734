using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>Vietnamese names of the forms of discipline.</summary>
public static class DisciplineSeverities
{
    /// <summary>The Vietnamese name, e.g. "cảnh cáo".</summary>
    public static string DisplayName(this DisciplineSeverity severity) => severity switch
    {
        DisciplineSeverity.Reprimand => RuleTexts.Discipline_Reprimand,
        DisciplineSeverity.Warning => RuleTexts.Discipline_Warning,
        DisciplineSeverity.Dismissal => RuleTexts.Discipline_Dismissal,
        DisciplineSeverity.Expulsion => RuleTexts.Discipline_Expulsion,
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, null),
    };
}
