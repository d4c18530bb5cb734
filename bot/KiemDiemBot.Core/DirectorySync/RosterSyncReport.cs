namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// What a roster sync found for one organisation, after the round: who in the group is on the roster
/// (<see cref="Matched"/>), who is in the group but not on the roster (<see cref="NewInGroup"/>: the secretary adds them
/// by importing the roster; the sync never creates members), who is on the roster but not in the group
/// (<see cref="MissingFromGroup"/>), and who left the group in this round (<see cref="Left"/>, flagged, never deleted).
/// </summary>
public sealed record RosterSyncReport(
    string OrganisationCode,
    string OrganisationName,
    string GroupId,
    RosterSyncRound Round,
    IReadOnlyList<RosterSyncPerson> Matched,
    IReadOnlyList<RosterSyncPerson> NewInGroup,
    IReadOnlyList<RosterSyncPerson> MissingFromGroup,
    IReadOnlyList<RosterSyncPerson> Left)
{
    /// <summary>Members whose Entra object id this round learnt (by e-mail).</summary>
    public int NewlyLinked { get; init; }
}

/// <summary>A person in a report: the roster member (code) when matched, and the directory's details when known.</summary>
public sealed record RosterSyncPerson(string? MemberCode, string Name, string? Email, string? JobTitle);

/// <summary>How the round read the group.</summary>
public enum RosterSyncRound
{
    /// <summary>Every member read (the first round, or a refused delta link).</summary>
    Full,

    /// <summary>Only the changes since the last round.</summary>
    Delta,
}
