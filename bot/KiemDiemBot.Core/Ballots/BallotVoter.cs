namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// A summoned member on a ballot's attendance list, and whether they have cast. Deliberately no time and no
/// order of casting: nothing here can be joined to the counters.
/// </summary>
internal sealed class BallotVoter
{
    public Guid BallotId { get; set; }

    public Guid MemberId { get; set; }

    public bool IsOfficial { get; set; }

    public bool IsExempt { get; set; }

    public bool IsPresent { get; set; }

    public bool HasCast { get; set; }
}
