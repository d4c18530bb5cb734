namespace KiemDiemBot.Core.Roster.Import;

/// <summary>The roster's rows as read, and every error found so far.</summary>
internal sealed class ParsedRoster
{
    public List<OrganisationRow> Organisations { get; } = [];

    public List<MemberRow> Members { get; } = [];

    /// <summary>Null when the roster has no ChucVu table: posts are then left as they are.</summary>
    public List<PositionRow>? Positions { get; set; }

    public List<RosterError> Errors { get; } = [];

    public void AddError(string sheet, int line, string reason) => Errors.Add(new RosterError(sheet, line, reason));
}
