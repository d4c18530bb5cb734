namespace KiemDiemBot.Cards;

/// <summary>What a reminded member has yet to do: start writing, or finish and submit.</summary>
public enum ReminderMissing
{
    NotStarted = 0,
    InProgress = 1,
}

/// <summary>
/// A reminder to a member whose self-review is not done: the year, who reminds (the secretary's name), and when the
/// cell meets, when that is set. The automatic reminders also say what is missing, the cell's due day while no
/// meeting is set, how many working days are left, and whether the due day has passed (<see cref="IsOverdue"/>).
/// </summary>
public sealed record ReviewReminderCardInput(int Year, string? SecretaryName)
{
    public DateOnly? MeetingDate { get; init; }

    public TimeOnly? MeetingTime { get; init; }

    /// <summary>What is missing; null leaves it unsaid (the secretary's "Nhắc ngay" goes to both kinds at once).</summary>
    public ReminderMissing? Missing { get; init; }

    /// <summary>The last day to submit (the day before the deadline's date) when no meeting is set, or the day that passed when overdue.</summary>
    public DateOnly? DueDay { get; init; }

    /// <summary>Working days left before the meeting or the due day; null to leave it unsaid.</summary>
    public int? WorkingDaysLeft { get; init; }

    /// <summary>The due day has passed: the overdue variant (its title and its text).</summary>
    public bool IsOverdue { get; init; }
}
