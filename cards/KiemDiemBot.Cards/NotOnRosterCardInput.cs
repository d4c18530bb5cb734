namespace KiemDiemBot.Cards;

/// <summary>
/// What the "not on the roster" card needs: the person's display name when the channel gave one, and
/// whom to ask to be added (the configured contact; null or blank for the general advice).
/// </summary>
public sealed record NotOnRosterCardInput(string? PersonName, string? RosterContact);
