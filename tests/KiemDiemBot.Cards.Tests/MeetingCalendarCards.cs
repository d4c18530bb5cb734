using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The meeting calendar notice to the secretaries: participants without e-mail, or the event refused.</summary>
internal static class MeetingCalendarCards
{
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "meeting-calendar-without-email", "meeting-calendar-refused",
    };

    private static readonly DateTimeOffset StartsAt = new(2026, 11, 28, 8, 0, 0, TimeSpan.FromHours(7));

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("meeting-calendar-without-email", MeetingCalendarNoticeCard.Build(
            new MeetingCalendarNoticeCardInput("Chi bộ Văn phòng Sở", StartsAt, ["Đỗ Thị Thu Trang", "Đặng Văn Thành"], null))),
        ("meeting-calendar-refused", MeetingCalendarNoticeCard.Build(
            new MeetingCalendarNoticeCardInput("Chi bộ Văn phòng Sở", StartsAt, [], "create: 403 ErrorAccessDenied"))),
    ];
}
