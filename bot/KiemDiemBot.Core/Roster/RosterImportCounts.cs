namespace KiemDiemBot.Core.Roster;

/// <summary>What an import did, per table.</summary>
/// <param name="Organisations">Organisations and leadership collectives created, updated, unchanged.</param>
/// <param name="Members">Members created, updated, unchanged.</param>
/// <param name="Positions">Posts created, removed, unchanged; null when the roster had no ChucVu table (posts left as they were).</param>
public sealed record RosterImportCounts(RosterChangeCounts Organisations, RosterChangeCounts Members, RosterChangeCounts? Positions)
{
    public static RosterImportCounts None { get; } = new(RosterChangeCounts.None, RosterChangeCounts.None, null);
}
