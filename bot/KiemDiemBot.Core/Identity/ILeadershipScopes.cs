using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Core.Identity;

/// <summary>A party organisation as the secretary's cards name it.</summary>
public sealed record LedOrganisation(Guid Id, string Name, OrganisationKind Kind);

/// <summary>Whose members a cycle opening tells: one organisation and everything under it, or (null) every member.</summary>
public sealed record CycleOpeningScope(Guid? OrganisationId, string? OrganisationName);

/// <summary>
/// Which organisations a member leads for the secretary's commands, each answer checked against
/// <see cref="MemberAuthorization"/> with its <see cref="MemberAction"/>:
/// opening a cycle (an administrator, for everyone; or the secretary of a party organisation that has party
/// organisations under it, for that organisation), setting meeting dates (the secretary or deputy secretary of a
/// grassroots organisation), and a cell's progress (the cell's own secretary or deputy secretary).
/// </summary>
public interface ILeadershipScopes
{
    /// <summary>Where the member may open a cycle (<see cref="MemberAction.OpenCycle"/>); null when they may not.</summary>
    Task<CycleOpeningScope?> CycleOpeningScopeAsync(TurnMember member, CancellationToken cancellationToken);

    /// <summary>The grassroots organisations whose meeting dates the member sets (<see cref="MemberAction.SetMeetingDates"/>), by name.</summary>
    Task<IReadOnlyList<LedOrganisation>> GrassrootsLedAsync(TurnMember member, CancellationToken cancellationToken);

    /// <summary>The organisation, then the party organisations under it (sub-committees, cells) by name; no collectives or party groups.</summary>
    Task<IReadOnlyList<LedOrganisation>> BodiesOfAsync(Guid organisationId, CancellationToken cancellationToken);

    /// <summary>The cells whose progress the member sees (<see cref="MemberAction.ViewProgress"/>): where they are secretary or deputy secretary, by name.</summary>
    Task<IReadOnlyList<RosterCell>> CellsLedAsync(TurnMember member, CancellationToken cancellationToken);
}
