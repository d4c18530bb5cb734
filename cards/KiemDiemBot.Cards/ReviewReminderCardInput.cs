namespace KiemDiemBot.Cards;

/// <summary>
/// A reminder to a member whose self-review is not done: the year, who reminds (the secretary's name), and when the
/// cell meets, when that is set.
/// </summary>
public sealed record ReviewReminderCardInput(int Year, string? SecretaryName)
{
    public DateOnly? MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }
}
