namespace KiemDiemBot.Cards;

/// <summary>What the meeting calendar notice shows.</summary>
/// <param name="StartsAt">The meeting's start, already in Asia/Ho_Chi_Minh.</param>
/// <param name="WithoutEmail">Participants with no e-mail address, by name (when the event went out).</param>
/// <param name="Error">The refusal, short and technical (status and error code); null when the event went out.</param>
public sealed record MeetingCalendarNoticeCardInput(string BodyName, DateTimeOffset StartsAt, IReadOnlyList<string> WithoutEmail, string? Error);
