namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// An anonymous sum: how many ballots chose <see cref="Choice"/> for one subject, per source. All counters of a
/// ballot are created (at zero) when it opens, so casting only adds to existing rows.
/// </summary>
internal sealed class BallotCounter
{
    /// <summary>Approval ballots count agree under this choice, disagree under <see cref="Disagree"/>.</summary>
    public const short Agree = 1;

    public const short Disagree = 0;

    public Guid BallotId { get; set; }

    public Guid SubjectId { get; set; }

    /// <summary>A <see cref="Rules.RankingLevel"/> value (ranking), or <see cref="Agree"/> / <see cref="Disagree"/> (approval).</summary>
    public short Choice { get; set; }

    public BallotSource Source { get; set; }

    public int Votes { get; set; }
}
