namespace KiemDiemBot.Core.Rules;

/// <summary>
/// The grade a criterion gets on the self-review form (cấp độ của tiêu chí), best first.
/// A higher value is a better grade.
/// </summary>
public enum CriterionGrade
{
    /// <summary>Xuất sắc.</summary>
    Excellent = 4,

    /// <summary>Tốt.</summary>
    Good = 3,

    /// <summary>Trung bình.</summary>
    Average = 2,

    /// <summary>Kém.</summary>
    Poor = 1,
}
