using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Read-only: the cycle is open, with its rule set and deadlines, how many members were told, and who could not be
/// reached (they have never written to the bot, or blocked it), so the secretary can tell them another way.
/// </summary>
public static class CycleOpenedReportCard
{
    /// <summary>At most this many unreachable names are listed; the rest are counted.</summary>
    public const int MaxNamesShown = 30;

    public static JsonObject Build(CycleOpenedReportCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var facts = new List<(string, string)> { (SecretaryTexts.CycleOpenedReportRuleSet, input.RuleSetName) };
        facts.AddRange(input.Deadlines.Select(d => (d.Label, string.Format(culture, SecretaryTexts.DueBeforeFormat, SecretaryCardElements.FormatDate(d.DueBefore)))));
        var body = new JsonArray(
            CardElements.Title(string.Format(culture, SecretaryTexts.CycleOpenedReportTitle, input.Year)),
            CardElements.FactSet(facts),
            CardElements.Paragraph(string.Format(culture, SecretaryTexts.CycleOpenedReportNotified, input.Notified)));
        if (input.AlreadyNotified > 0)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, SecretaryTexts.CycleOpenedReportAlreadyNotified, input.AlreadyNotified)));
        }
        if (input.UnreachableCount > 0)
        {
            body.Add(SecretaryCardElements.Warning(string.Format(culture, SecretaryTexts.CycleOpenedReportUnreachable, input.UnreachableCount)));
            body.Add(UnreachableList(input.UnreachableNames, input.UnreachableCount));
        }
        return AdaptiveCardDocument.Create(body, []);
    }

    /// <summary>The first names as a list, and a line counting the others.</summary>
    internal static JsonObject UnreachableList(IReadOnlyList<string> names, int total)
    {
        var items = names.Take(MaxNamesShown).ToList();
        var shown = items.Count;
        if (total > shown)
        {
            items.Add(string.Format(CultureInfo.InvariantCulture, SecretaryTexts.AndOthers, total - shown));
        }
        return CardElements.BulletList(items);
    }
}
