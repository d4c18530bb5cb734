using KiemDiemBot.Core.Calendar;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Core.Tests.Calendar;

public sealed class WorkingCalendarTimeZoneTests
{
    [Fact]
    public void ToLocalDate_1730Utc_IsTheNextDayInVietnam()
    {
        var instant = new DateTimeOffset(2025, 11, 30, 17, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateOnly(2025, 12, 1), WorkingCalendar.ToLocalDate(instant));
        Assert.Equal(new DateOnly(2025, 11, 30), WorkingCalendar.ToLocalDate(instant.AddMinutes(-31)));
    }

    [Fact]
    public void Today_ClockAtLateUtcEvening_IsTomorrowInVietnam()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 13, 18, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 2, 14), WorkingCalendar.Today(clock));
    }

    [Fact]
    public void ToInstant_EightInTheMorningInVietnam_IsOneOClockUtc()
    {
        var instant = WorkingCalendar.ToInstant(new DateOnly(2025, 12, 1), new TimeOnly(8, 0));

        Assert.Equal(new DateTimeOffset(2025, 12, 1, 1, 0, 0, TimeSpan.Zero), instant);
        Assert.Equal(TimeSpan.FromHours(7), instant.Offset);
    }
}
