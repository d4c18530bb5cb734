using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Ballots;

/// <summary>A subject on a ballot, in list order, with the cap fixed when the ballot opened and the outcome once closed.</summary>
internal sealed class BallotSubject
{
    public Guid BallotId { get; set; }

    /// <summary>A member's id, or an organisation's for an organisation or collective subject.</summary>
    public Guid SubjectId { get; set; }

    public int Position { get; set; }

    /// <summary>The best level the subject's caps allow (ranking ballots).</summary>
    public RankingLevel HighestAllowed { get; set; } = RankingLevel.ExcellentCompletion;

    /// <summary>The caps' reasons in Vietnamese, one per line, as shown on the ballot; null when uncapped.</summary>
    public string? CapReasons { get; set; }

    /// <summary>Once closed: the level counted, null for no result (or for an approval ballot).</summary>
    public RankingLevel? Outcome { get; set; }

    /// <summary>Once closed: no level had more than half of the base (ranking), or tied at the cut (approval).</summary>
    public bool NeedsRevote { get; set; }

    /// <summary>Approval ballot, once closed: the name keeps HTXSNV.</summary>
    public bool? Kept { get; set; }
}
