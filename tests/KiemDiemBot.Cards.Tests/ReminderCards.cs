using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The automatic reminders' cards (member reminder, overdue, the secretary's digest, a body's deadline), in each variant.</summary>
internal static class ReminderCards
{
    /// <summary>The deadline card has no button: it says what is missing, the secretary acts by command.</summary>
    public static IReadOnlySet<string> ReadOnly { get; } = new HashSet<string>(StringComparer.Ordinal) { "deadline-missing", "deadline-summary-conference" };

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("reminder-auto-not-started-meeting", ReviewReminderCard.Build(new ReviewReminderCardInput(2026, null)
        {
            Missing = ReminderMissing.NotStarted,
            MeetingDate = new DateOnly(2026, 11, 26),
            MeetingTime = new TimeOnly(8, 0),
            DueDay = new DateOnly(2026, 11, 26),
            WorkingDaysLeft = 3,
        })),
        ("reminder-auto-in-progress-due-day", ReviewReminderCard.Build(new ReviewReminderCardInput(2026, null)
        {
            Missing = ReminderMissing.InProgress,
            DueDay = new DateOnly(2026, 11, 30),
            WorkingDaysLeft = 1,
        })),
        ("reminder-overdue", ReviewReminderCard.Build(new ReviewReminderCardInput(2026, null)
        {
            Missing = ReminderMissing.InProgress,
            DueDay = new DateOnly(2026, 11, 30),
            IsOverdue = true,
        })),
        ("digest", CellProgressCard.Build(new CellProgressCardInput(SecretaryCards.CellId, SecretaryCards.CycleId, 2026, "Chi bộ Văn phòng Sở",
            [
                new CellProgressRow(Guid.Parse("11111111-2222-4333-8444-555555555551"), "Trần Văn Bình", CellProgressStatus.NotStarted, CommentProgress.Missing, CommentProgress.NotExpected, true),
                new CellProgressRow(Guid.Parse("11111111-2222-4333-8444-555555555552"), "Lê Thị Cúc", CellProgressStatus.Submitted, CommentProgress.Missing, CommentProgress.Missing, false),
            ])
        {
            Notice = SecretaryDigestNotice.Text(1, 3),
        })),
        ("deadline-missing", BodyDeadlineCard.Build(new BodyDeadlineCardInput(2026, "Đảng bộ cơ sở mẫu", BodyDeadlineTopic.GrassrootsCommitteeReview, new DateOnly(2026, 12, 10),
            ["Chi bộ Văn phòng Sở chưa họp kiểm điểm.", "Chi bộ Công nghệ: 3 đồng chí chưa nộp bản tự kiểm điểm."]))),
        ("deadline-summary-conference", BodyDeadlineCard.Build(new BodyDeadlineCardInput(2026, "Đảng bộ cơ sở mẫu", BodyDeadlineTopic.SummaryConference, new DateOnly(2026, 12, 31),
            ["Chưa có ngày tổ chức hội nghị tổng kết."]))),
    ];
}
