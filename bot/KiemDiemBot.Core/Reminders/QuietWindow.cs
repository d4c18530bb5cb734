namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// The hours of a working day (Asia/Ho_Chi_Minh) in which the bot may write to members by itself: 07:30 up to,
/// not including, 20:00. Fixed by the issue, so constants rather than configuration.
/// </summary>
public static class QuietWindow
{
    public static readonly TimeOnly Opens = new(7, 30);

    public static readonly TimeOnly Closes = new(20, 0);

    /// <summary>Whether <paramref name="localTime"/> lies inside the window.</summary>
    public static bool Contains(TimeOnly localTime) => localTime >= Opens && localTime < Closes;
}
