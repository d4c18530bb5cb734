namespace KiemDiemBot.Core.Cycles;

/// <summary>The deadlines of a review cycle's plan (DOMAIN A6), each a date to finish before.</summary>
public enum DeadlineKind
{
    /// <summary>Grassroots cells and cells under a grassroots committee finish their reviews (seed: before 01/12).</summary>
    CellReview,

    /// <summary>Sub-committees (đảng bộ bộ phận) finish (seed: before 05/12).</summary>
    SubCommitteeReview,

    /// <summary>Grassroots committees (đảng bộ cơ sở) finish (seed: before 10/12).</summary>
    GrassrootsCommitteeReview,

    /// <summary>Decisions, ranking lists and statistics sent to the level above (seed: before 15/12).</summary>
    ReportsUp,

    /// <summary>Dossiers of cadres managed by the provincial standing committee (seed: before 25/12).</summary>
    CadreDossiers,

    /// <summary>The party-building summary report (báo cáo tổng kết công tác xây dựng Đảng) sent up (seed: before 15/12).</summary>
    PartyBuildingReport,

    /// <summary>The summary conference (hội nghị tổng kết) held (seed: before 31/12).</summary>
    SummaryConference,
}
