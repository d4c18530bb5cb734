namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>How many official members of the voting body were summoned and how many are present.</summary>
public sealed record Attendance(int OfficialMembersSummoned, int OfficialMembersPresent);
