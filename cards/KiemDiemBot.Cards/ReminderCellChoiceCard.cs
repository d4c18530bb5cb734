using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// "lịch nhắc" or "ai chưa nhận được tin nhắn" for an administrator who leads no cell: a drop-down of the cells and
/// a button that asks for the chosen cell's schedule or list (the input's id is <see cref="CardDataKeys.Cell"/>, so
/// the submit reads like the schedule card's own buttons).
/// </summary>
public static class ReminderCellChoiceCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(ReminderCellChoiceCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var schedule = input.Purpose == CellChoicePurpose.Schedule;
        var body = new JsonArray(
            CardElements.Title(schedule
                ? string.Format(CultureInfo.InvariantCulture, ReminderScheduleTexts.ChooseCellTitle, input.Year)
                : ReminderScheduleTexts.UnreachableTitle),
            CardElements.Paragraph(schedule ? ReminderScheduleTexts.ChooseCellIntro : ReminderScheduleTexts.ChooseCellUnreachableIntro),
            SecretaryCardElements.ChoiceInput(CardDataKeys.Cell, ReminderScheduleTexts.ChooseCellLabel, input.Cells.FirstOrDefault()?.CellId.ToString("D"),
                input.Cells.Select(c => (c.Name, c.CellId.ToString("D")))));
        var actions = new JsonArray(
            SecretaryCardElements.Submit(
                schedule ? ReminderScheduleTexts.ChooseCellButton : ReminderScheduleTexts.ChooseCellUnreachableButton,
                schedule ? CardVerbs.ShowReminderSchedule : CardVerbs.ShowUnreachableMembers,
                CardVersion,
                (CardDataKeys.Cycle, input.CycleId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
