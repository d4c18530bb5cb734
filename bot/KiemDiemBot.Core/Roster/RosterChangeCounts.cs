namespace KiemDiemBot.Core.Roster;

/// <summary>What an import did to one table's rows.</summary>
public sealed record RosterChangeCounts(int Created, int Updated, int Unchanged, int Removed)
{
    public static RosterChangeCounts None { get; } = new(0, 0, 0, 0);
}
