namespace KiemDiemBot.Core.Roster.Files;

/// <summary>What a roster file held, as text, with the problems met reading it.</summary>
internal sealed record RosterWorkbook(IReadOnlyList<RosterSheet> Sheets, IReadOnlyList<RosterError> ReadErrors)
{
    public static RosterWorkbook Unreadable(RosterError error) => new([], [error]);
}
