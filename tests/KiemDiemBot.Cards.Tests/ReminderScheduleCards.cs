using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>The reminder schedule (lịch nhắc), the administrator's cell choice and the unreachable members' list, in each variant.</summary>
internal static class ReminderScheduleCards
{
    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("reminder-schedule", ReminderScheduleCard.Build(Schedule(members: 6, paused: 2))),
        ("reminder-schedule-empty", ReminderScheduleCard.Build(Schedule(members: 0, paused: 0) with { Messages = [] })),
        ("reminder-schedule-saved", ReminderScheduleCard.Build(Schedule(members: 60, paused: 1) with { Notice = "Đã tạm dừng nhắc: Lê Văn Tám." })),
        ("reminder-cell-choice", ReminderCellChoiceCard.Build(new ReminderCellChoiceCardInput(SecretaryCards.CycleId, 2026,
            [new CellChoice(SecretaryCards.CellId, "Chi bộ Văn phòng Sở"), new CellChoice(Guid.Parse("2f6d8a1c-3b4e-4c5d-9e7f-8a9b0c1d2e3f"), "Chi bộ Phòng Công nghệ thông tin")]))),
        ("unreachable-cell-choice", ReminderCellChoiceCard.Build(new ReminderCellChoiceCardInput(SecretaryCards.CycleId, 2026,
            [new CellChoice(SecretaryCards.CellId, "Chi bộ Văn phòng Sở")]) { Purpose = CellChoicePurpose.Unreachable })),
        ("unreachable-members", UnreachableMembersCard.Build(new UnreachableMembersCardInput(SecretaryCards.CellId, SecretaryCards.CycleId, "Chi bộ Văn phòng Sở",
            ["Ngô Thị Bích Ngọc", "Nguyễn Văn Hùng", "Phan Văn Long"], 5))),
        ("unreachable-members-none", UnreachableMembersCard.Build(new UnreachableMembersCardInput(SecretaryCards.CellId, SecretaryCards.CycleId, "Chi bộ Văn phòng Sở", [], 8))),
    ];

    public static ReminderScheduleCardInput Schedule(int members, int paused) =>
        new(SecretaryCards.CellId, SecretaryCards.CycleId, 2026, "Chi bộ Văn phòng Sở",
            [
                new ScheduledMessage(new DateOnly(2026, 3, 2), new TimeOnly(8, 0), ScheduledMessageKind.MemberReminder, new DateOnly(2026, 3, 9))
                    { TargetIsMeeting = true, WorkingDaysBefore = 5, Sent = true },
                new ScheduledMessage(new DateOnly(2026, 3, 2), new TimeOnly(8, 0), ScheduledMessageKind.SecretaryDigest, new DateOnly(2026, 3, 9))
                    { TargetIsMeeting = true, WorkingDaysBefore = 5, Sent = true },
                new ScheduledMessage(new DateOnly(2026, 3, 4), new TimeOnly(8, 0), ScheduledMessageKind.DraftCirculation, new DateOnly(2026, 3, 9))
                    { TargetIsMeeting = true, WorkingDaysBefore = 3 },
                new ScheduledMessage(new DateOnly(2026, 3, 6), new TimeOnly(8, 0), ScheduledMessageKind.MemberReminder, new DateOnly(2026, 3, 9))
                    { TargetIsMeeting = true, WorkingDaysBefore = 1 },
                new ScheduledMessage(new DateOnly(2026, 12, 1), new TimeOnly(8, 0), ScheduledMessageKind.OverdueReminder, new DateOnly(2026, 11, 30)),
                new ScheduledMessage(new DateOnly(2026, 11, 27), new TimeOnly(8, 0), ScheduledMessageKind.BodyDeadline, new DateOnly(2026, 11, 30))
                    { WorkingDaysBefore = 1, DeadlineName = "Chi bộ hoàn thành kiểm điểm" },
                new ScheduledMessage(new DateOnly(2026, 3, 2), new TimeOnly(8, 0), ScheduledMessageKind.UnreachableList, new DateOnly(2026, 3, 2)),
            ],
            [.. Enumerable.Range(1, members).Select(i => new ReminderScheduleMember(
                Guid.Parse($"00000000-0000-4000-8000-{i:D12}"), $"Nguyễn Văn Đảng Viên {i}", Paused: i <= paused))]);
}
