namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>Which group a self-review criterion belongs to, for the level suggestion.</summary>
public enum CriterionKind
{
    /// <summary>A criterion on carrying out political tasks (thực hiện nhiệm vụ chính trị): must be Xuất sắc for HTXSNV.</summary>
    PoliticalTask,

    /// <summary>Any other criterion (political ideology, ethics, lifestyle, discipline...): must be Tốt or better for HTXSNV.</summary>
    Other,
}
