using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// "thông qua kết quả" when the deciding body cannot adopt yet: what blocks it, line by line, with the cap's numbers;
/// "Mở biểu quyết HTXSNV" (<see cref="CardVerbs.OpenApprovalBallot"/>) when the cap is exceeded, and "Kiểm tra lại"
/// (<see cref="CardVerbs.AdoptResults"/>, which adopts once nothing blocks). Both carry the cycle and the body.
/// </summary>
public static class RankingAdoptionCheckCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(RankingAdoptionCheckCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(
            CardElements.Title(RankingCardTexts.CheckTitle),
            CardElements.Paragraph(string.Format(culture, RankingCardTexts.CheckIntro, input.BodyName, input.Pending)));
        if (input.Pending == 0 && input.Blockers.Count == 0)
        {
            body.Add(CardElements.Note(RankingCardTexts.CheckNothingPending));
        }
        else if (input.Blockers.Count == 0)
        {
            body.Add(CardElements.Paragraph(RankingCardTexts.CheckReady));
        }
        else
        {
            body.Add(CardElements.Heading(RankingCardTexts.CheckBlockedHeading));
            foreach (var line in input.Blockers)
            {
                body.Add(CardElements.Error(line));
            }
        }
        if (input.CanOpenApproval)
        {
            body.Add(CardElements.Note(string.Format(culture, RankingCardTexts.CheckApprovalHint, input.ApprovalSeats)));
        }
        // A JSON node has one parent: each button gets its own copy of the data.
        (string, JsonNode?)[] Target() =>
        [
            (CardDataKeys.Cycle, input.CycleId.ToString("D")),
            (CardDataKeys.Body, input.BodyId.ToString("D")),
        ];
        var actions = new JsonArray();
        if (input.CanOpenApproval)
        {
            actions.Add(SecretaryCardElements.Submit(RankingCardTexts.OpenApprovalButton, CardVerbs.OpenApprovalBallot, CardVersion, Target()));
        }
        actions.Add(SecretaryCardElements.Submit(
            input.Blockers.Count == 0 && input.Pending > 0 ? RankingCardTexts.AdoptButton : RankingCardTexts.RefreshButton,
            CardVerbs.AdoptResults, CardVersion, Target()));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
