using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// "Ai chưa nhận được tin nhắn": the cell's members the bot cannot reach, numbered, with what the secretary can
/// do about it (ask them to open the bot in Teams and write to it, or unblock it), and how many it does reach.
/// Sent by the command and, before the cycle starts, by the scheduler to the cell's secretaries.
/// </summary>
public static class UnreachableMembersCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(UnreachableMembersCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(ReminderScheduleTexts.UnreachableTitle),
            CardElements.Paragraph(input.CellName));
        if (input.Unreachable.Count == 0)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, ReminderScheduleTexts.UnreachableNobody, input.ReachableCount)));
        }
        else
        {
            body.Add(CardElements.Paragraph(string.Format(culture, ReminderScheduleTexts.UnreachableIntro, input.Unreachable.Count)));
            body.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Join("\r", input.Unreachable.Select((name, i) => CardElements.Numbered(i + 1, name))),
                ["wrap"] = true,
            });
            body.Add(CardElements.Paragraph(ReminderScheduleTexts.UnreachableWhatToDo));
            body.Add(CardElements.Note(string.Format(culture, ReminderScheduleTexts.UnreachableReachable, input.ReachableCount)));
        }
        var actions = new JsonArray(
            SecretaryCardElements.Submit(ReminderScheduleTexts.UnreachableRefreshButton, CardVerbs.ShowUnreachableMembers, CardVersion,
                (CardDataKeys.Cell, input.CellId.ToString("D")),
                (CardDataKeys.Cycle, input.CycleId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
