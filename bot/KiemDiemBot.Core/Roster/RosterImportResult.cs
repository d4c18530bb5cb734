namespace KiemDiemBot.Core.Roster;

/// <summary>The outcome of an import: every error found (and nothing imported), or what was imported.</summary>
public sealed record RosterImportResult(IReadOnlyList<RosterError> Errors, RosterImportCounts Counts)
{
    public bool Succeeded => Errors.Count == 0;

    public static RosterImportResult Failed(IReadOnlyList<RosterError> errors) => new(errors, RosterImportCounts.None);
}
