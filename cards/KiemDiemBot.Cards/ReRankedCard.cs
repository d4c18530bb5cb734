using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The end of "xếp loại lại": what changed and whether the member got the notice (if not, tell them directly). No buttons.</summary>
public static class ReRankedCard
{
    public static JsonObject Build(ReRankedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.ReRankedTitle),
            CardElements.Paragraph(string.Format(culture, RankingCardTexts.ReRankedText, input.Name, input.FromLevel, input.ToLevel, input.Reason)),
            input.MemberTold
                ? CardElements.Note(string.Format(culture, RankingCardTexts.ReRankedTold, input.Name))
                : SecretaryCardElements.Warning(string.Format(culture, RankingCardTexts.ReRankedNotReached, input.Name)));
        return AdaptiveCardDocument.Create(body, []);
    }
}
