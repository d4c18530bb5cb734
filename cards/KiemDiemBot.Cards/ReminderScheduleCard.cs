using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// "lịch nhắc": the cell's coming reminders, digests, circulations and deadline reminders, one short block per
/// message (the day with its weekday and the time, then what goes out and for which day, "Đã gửi" once it went
/// out), stacked rather than in columns so the card reads at phone width; then who is paused, a multi-select of
/// the cell's members to pause or resume with "Lưu", and buttons to refresh and to see who the bot cannot reach.
/// </summary>
public static class ReminderScheduleCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(ReminderScheduleCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, ReminderScheduleTexts.ScheduleTitle, input.Year)),
            CardElements.Paragraph(input.CellName));
        if (!string.IsNullOrWhiteSpace(input.Notice))
        {
            body.Add(new JsonObject { ["type"] = "TextBlock", ["text"] = input.Notice, ["color"] = "Good", ["wrap"] = true });
        }
        body.Add(CardElements.Heading(ReminderScheduleTexts.ScheduleComingHeading));
        if (input.Messages.Count == 0)
        {
            body.Add(CardElements.Paragraph(ReminderScheduleTexts.ScheduleNothingComing));
        }
        // Messages going out at the same moment share one heading line: a phone shows the day once.
        foreach (var moment in Moments(input.Messages))
        {
            body.Add(Moment(moment));
        }
        body.Add(CardElements.Note(ReminderScheduleTexts.ScheduleRules));

        body.Add(CardElements.Heading(ReminderScheduleTexts.SchedulePausedHeading));
        var paused = input.Members.Where(m => m.Paused).Select(m => m.FullName).ToList();
        body.Add(CardElements.Paragraph(paused.Count == 0
            ? ReminderScheduleTexts.SchedulePausedNone
            : string.Format(culture, ReminderScheduleTexts.SchedulePausedList, string.Join(", ", paused))));
        var actions = new JsonArray();
        if (input.Members.Count > 0)
        {
            body.Add(SecretaryCardElements.SmallNote(ReminderScheduleTexts.SchedulePauseHint));
            body.Add(PauseInput(input.Members));
            body.Add(SecretaryCardElements.ActionSet(
            [
                SecretaryCardElements.Submit(ReminderScheduleTexts.SchedulePauseSaveButton, CardVerbs.SaveReminderPauses, CardVersion, Where(input)),
            ]));
        }
        actions.Add(SecretaryCardElements.Submit(ReminderScheduleTexts.ScheduleRefreshButton, CardVerbs.ShowReminderSchedule, CardVersion, Where(input)));
        actions.Add(SecretaryCardElements.Submit(ReminderScheduleTexts.ScheduleUnreachableButton, CardVerbs.ShowUnreachableMembers, CardVersion, Where(input)));
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>What a schedule line says goes out, e.g. "Nhắc đảng viên chưa nộp bản tự kiểm điểm (1 ngày làm việc trước buổi họp Thứ Hai, 09/03/2026)".</summary>
    public static string Describe(ScheduledMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var culture = CultureInfo.InvariantCulture;
        var target = string.Format(culture,
            message.TargetIsMeeting ? ReminderScheduleTexts.ScheduleTargetMeeting : ReminderScheduleTexts.ScheduleTargetDueDay,
            VietnameseDays.Format(message.TargetDate));
        return message.Kind switch
        {
            ScheduledMessageKind.MemberReminder => message.WorkingDaysBefore is { } days
                ? string.Format(culture, ReminderScheduleTexts.ScheduleMemberReminder, days, target)
                : string.Format(culture, ReminderScheduleTexts.ScheduleMemberReminderNoOffset, target),
            ScheduledMessageKind.OverdueReminder => string.Format(culture, ReminderScheduleTexts.ScheduleOverdueReminder, target),
            ScheduledMessageKind.SecretaryDigest => message.WorkingDaysBefore is { } days
                ? string.Format(culture, ReminderScheduleTexts.ScheduleSecretaryDigest, days, target)
                : string.Format(culture, ReminderScheduleTexts.ScheduleSecretaryDigestNoOffset, target),
            ScheduledMessageKind.DraftCirculation => message.WorkingDaysBefore is { } days
                ? string.Format(culture, ReminderScheduleTexts.ScheduleDraftCirculation, days, target)
                : string.Format(culture, ReminderScheduleTexts.ScheduleDraftCirculationNoOffset, target),
            ScheduledMessageKind.BodyDeadline => message.WorkingDaysBefore is { } days
                ? string.Format(culture, ReminderScheduleTexts.ScheduleBodyDeadlineOffset, message.DeadlineName ?? string.Empty, days, target)
                : string.Format(culture, ReminderScheduleTexts.ScheduleBodyDeadline, message.DeadlineName ?? string.Empty, target),
            ScheduledMessageKind.UnreachableList => ReminderScheduleTexts.ScheduleUnreachableList,
            _ => throw new ArgumentOutOfRangeException(nameof(message), message.Kind, null),
        };
    }

    /// <summary>When a schedule line goes out, e.g. "**Thứ Sáu, 06/03/2026** · 08:00".</summary>
    public static string When(ScheduledMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return string.Format(CultureInfo.InvariantCulture, ReminderScheduleTexts.ScheduleWhen,
            VietnameseDays.Format(message.Date), message.Time.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    /// <summary>Runs of messages (in the input's time order) with the same day, time and sent state.</summary>
    private static List<List<ScheduledMessage>> Moments(IReadOnlyList<ScheduledMessage> messages)
    {
        var moments = new List<List<ScheduledMessage>>();
        foreach (var message in messages)
        {
            if (moments.Count > 0 && moments[^1][0] is var last
                && last.Date == message.Date && last.Time == message.Time && last.Sent == message.Sent)
            {
                moments[^1].Add(message);
            }
            else
            {
                moments.Add([message]);
            }
        }
        return moments;
    }

    private static JsonObject Moment(List<ScheduledMessage> messages)
    {
        var first = messages[0];
        var when = When(first);
        if (first.Sent)
        {
            when += " · " + ReminderScheduleTexts.ScheduleSent;
        }
        JsonObject heading = new()
        {
            ["type"] = "TextBlock",
            ["text"] = when,
            ["wrap"] = true,
        };
        if (first.Sent)
        {
            heading["isSubtle"] = true;
        }
        return SecretaryCardElements.Section([heading, .. messages.Select(m => SecretaryCardElements.SmallNote(Describe(m)))]);
    }

    private static JsonObject PauseInput(IReadOnlyList<ReminderScheduleMember> members)
    {
        var input = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = CardDataKeys.PausedMembers,
            ["label"] = ReminderScheduleTexts.SchedulePauseLabel,
            ["isMultiSelect"] = true,
            ["style"] = "expanded",
            ["choices"] = new JsonArray([.. members.Select(m => (JsonNode)new JsonObject
            {
                ["title"] = m.FullName,
                ["value"] = m.MemberId.ToString("D"),
            })]),
        };
        var paused = members.Where(m => m.Paused).Select(m => m.MemberId.ToString("D")).ToList();
        if (paused.Count > 0)
        {
            input["value"] = string.Join(",", paused);
        }
        return input;
    }

    private static (string, JsonNode?)[] Where(ReminderScheduleCardInput input) =>
    [
        (CardDataKeys.Cell, input.CellId.ToString("D")),
        (CardDataKeys.Cycle, input.CycleId.ToString("D")),
    ];
}
