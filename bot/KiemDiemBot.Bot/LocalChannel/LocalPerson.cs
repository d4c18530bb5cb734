namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>Someone the page offers in its "who are you" list: the e-mail used as user id, and a display name.</summary>
public sealed record LocalPerson(string Id, string? Name);
