using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// "lịch nhắc" for an administrator who leads no cell: a drop-down of the cells and "Xem lịch nhắc", which asks for
/// the chosen cell's schedule (the input's id is <see cref="CardDataKeys.Cell"/>, so the submit reads like the
/// schedule card's own refresh).
/// </summary>
public static class ReminderCellChoiceCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(ReminderCellChoiceCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray(
            CardElements.Title(string.Format(CultureInfo.InvariantCulture, ReminderScheduleTexts.ChooseCellTitle, input.Year)),
            CardElements.Paragraph(ReminderScheduleTexts.ChooseCellIntro),
            SecretaryCardElements.ChoiceInput(CardDataKeys.Cell, ReminderScheduleTexts.ChooseCellLabel, input.Cells.FirstOrDefault()?.CellId.ToString("D"),
                input.Cells.Select(c => (c.Name, c.CellId.ToString("D")))));
        var actions = new JsonArray(
            SecretaryCardElements.Submit(ReminderScheduleTexts.ChooseCellButton, CardVerbs.ShowReminderSchedule, CardVersion,
                (CardDataKeys.Cycle, input.CycleId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
