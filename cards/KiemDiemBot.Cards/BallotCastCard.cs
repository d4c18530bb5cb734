using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Read-only: "Đã nhận phiếu của đồng chí", replacing the voter's ballot card in place once the ballot is counted. It
/// shows no choice (the voter's screen may be seen by others) and has no button (a cast ballot is final).
/// </summary>
public static class BallotCastCard
{
    public static JsonObject Build(BallotCastCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var name = input.Round > 1 ? string.Format(culture, BallotCardTexts.CastRoundName, input.BodyName, input.Round) : input.BodyName;
        var body = new JsonArray(
            CardElements.Title(BallotCardTexts.CastTitle),
            CardElements.Paragraph(string.Format(culture, BallotCardTexts.CastBody, name)));
        return AdaptiveCardDocument.Create(body, []);
    }
}
