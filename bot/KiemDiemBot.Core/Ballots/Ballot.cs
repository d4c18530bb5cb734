namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// One round of a secret ballot in a body. It holds counts only: who voted is on <see cref="BallotVoter"/>
/// (a flag, no time), what was chosen is in <see cref="BallotCounter"/> (anonymous sums).
/// </summary>
internal sealed class Ballot
{
    public Guid Id { get; set; }

    public Guid CycleId { get; set; }

    /// <summary>The voting body: a cell, or a leadership collective (the committee that decides).</summary>
    public Guid BodyId { get; set; }

    public Guid? MeetingId { get; set; }

    public BallotKind Kind { get; set; }

    public BallotSubjectKind SubjectKind { get; set; }

    public BallotState State { get; set; }

    public int Round { get; set; } = 1;

    /// <summary>The ballot this one re-votes; null for a first round.</summary>
    public Guid? PreviousBallotId { get; set; }

    /// <summary>Approval ballot: how many names may be kept.</summary>
    public int Seats { get; set; }

    /// <summary>The counting base: official members summoned, less those exempt from work and activities.</summary>
    public int Base { get; set; }

    /// <summary>Official members present, not exempt: those who get a ballot.</summary>
    public int EligibleVoters { get; set; }

    /// <summary>Chat ballots cast so far.</summary>
    public int Cast { get; set; }

    public int PaperBallots { get; set; }

    public bool QuorumOverridden { get; set; }

    public required string ChannelId { get; set; }

    public required string ConversationId { get; set; }

    public Guid OpenedBy { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    public Guid? ClosedBy { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>Set when the deciding body adopted this ballot's results.</summary>
    public DateTimeOffset? AdoptedAt { get; set; }
}
