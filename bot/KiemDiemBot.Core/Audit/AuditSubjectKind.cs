namespace KiemDiemBot.Core.Audit;

/// <summary>What an audited change was made to.</summary>
public enum AuditSubjectKind
{
    /// <summary>A review cycle's settings: rule set, deadlines, calendar.</summary>
    CycleSettings,

    /// <summary>A ranking (xếp loại) of a member, organisation or collective.</summary>
    Ranking,

    /// <summary>A member's roster record, e.g. the Entra account linked to it at sign-in.</summary>
    Member,

    /// <summary>A member's self-review of a cycle: proxy entries, unlocks.</summary>
    SelfReview,
}
