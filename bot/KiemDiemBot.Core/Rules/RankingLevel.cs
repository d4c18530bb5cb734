namespace KiemDiemBot.Core.Rules;

/// <summary>
/// The four quality levels every subject is ranked at (mức xếp loại chất lượng), best first.
/// A higher value is a better level, so levels compare with the ordinary operators.
/// </summary>
public enum RankingLevel
{
    /// <summary>Hoàn thành xuất sắc nhiệm vụ (HTXSNV).</summary>
    ExcellentCompletion = 4,

    /// <summary>Hoàn thành tốt nhiệm vụ (HTTNV).</summary>
    GoodCompletion = 3,

    /// <summary>Hoàn thành nhiệm vụ (HTNV).</summary>
    Completion = 2,

    /// <summary>Không hoàn thành nhiệm vụ (KHTNV).</summary>
    NonCompletion = 1,
}
