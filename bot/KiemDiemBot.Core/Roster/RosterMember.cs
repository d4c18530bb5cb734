namespace KiemDiemBot.Core.Roster;

/// <summary>A member with a Teams identity, as a picker or a sign-in look-up shows them.</summary>
/// <param name="Id">The member.</param>
/// <param name="Code">The roster code.</param>
/// <param name="FullName">The member's name.</param>
/// <param name="Email">The Teams sign-in address as the roster wrote it.</param>
/// <param name="CellName">The name of the member's official cell.</param>
public sealed record RosterMember(Guid Id, string Code, string FullName, string Email, string CellName);
