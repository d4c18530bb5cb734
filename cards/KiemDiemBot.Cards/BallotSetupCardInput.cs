namespace KiemDiemBot.Cards;

/// <summary>What a ballot lists: the body's members (the default), the party organisation itself, or a leadership collective.</summary>
public enum BallotSetupKind
{
    Members,
    Organisation,
    Collective,
}

/// <summary>Whether an attendee may be ticked present: only official members who are not exempt vote.</summary>
public enum BallotSetupAttendeeKind
{
    Official,
    Probationary,
    Exempt,
}

/// <summary>
/// The secretary's setup card of a ballot: the kind of subjects and the subjects (members ticked, in agenda order;
/// the organisation; the collectives), the attendance (official members tickable, the others shown with why not),
/// the quorum, and, once a submit fell below it, the toggle that confirms opening all the same.
/// </summary>
/// <param name="OrganisationName">The organisation as a subject; null when it cannot be one here.</param>
public sealed record BallotSetupCardInput(
    string BodyName,
    BallotSetupKind Kind,
    IReadOnlyList<BallotSetupSubject> MemberSubjects,
    string? OrganisationName,
    IReadOnlyList<BallotSetupSubject> Collectives,
    IReadOnlyList<BallotSetupAttendee> Attendance,
    BallotSetupQuorum Quorum)
{
    /// <summary>Show the toggle "Xác nhận mở phiếu dù chưa đủ 2/3".</summary>
    public bool AskOverride { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>A subject: <paramref name="Key"/> names its input (letters and digits), <paramref name="Ticked"/> puts it on the ballot.</summary>
public sealed record BallotSetupSubject(string Key, string Name, bool Ticked);

/// <summary>A summoned member; <paramref name="Key"/> names the presence toggle of an official member.</summary>
public sealed record BallotSetupAttendee(string Key, string Name, BallotSetupAttendeeKind Kind, bool Present);

/// <summary>The quorum: official members summoned (less the exempt), the fewest present that reach it, its share, and the warning when below.</summary>
public sealed record BallotSetupQuorum(int Summoned, int MinimumPresent, int Numerator, int Denominator, string? Warning);
