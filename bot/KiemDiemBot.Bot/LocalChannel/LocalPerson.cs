namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Someone the page offers in its "who are you" list: the e-mail used as user id, a display name, and for
/// a roster member their official cell and posts (e.g. "Bí thư, Chi bộ Văn phòng Sở").
/// </summary>
public sealed record LocalPerson(string Id, string? Name, string? Cell, IReadOnlyList<string> Posts);
