using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Rankings;

/// <summary>A subject's decided ranking in a cycle: one row per subject, its history in the audit trail.</summary>
internal sealed class RankingDecision
{
    public Guid Id { get; set; }

    public Guid CycleId { get; set; }

    public BallotSubjectKind SubjectKind { get; set; }

    public Guid SubjectId { get; set; }

    public RankingLevel Level { get; set; }

    /// <summary>The grassroots organisation (or committee) that decided.</summary>
    public Guid DecidedByBodyId { get; set; }

    /// <summary>The ballot the level came from; null when re-ranked by decision.</summary>
    public Guid? BallotId { get; set; }

    public int Revision { get; set; } = 1;

    /// <summary>The reason of the last re-ranking (seed II.5).</summary>
    public string? Reason { get; set; }

    public DateTimeOffset DecidedAt { get; set; }

    public Guid DecidedBy { get; set; }
}
