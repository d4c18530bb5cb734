namespace KiemDiemBot.Scheduler;

/// <summary>The time zone recurring jobs run in: the members' (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).</summary>
public static class VietnamTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
}
