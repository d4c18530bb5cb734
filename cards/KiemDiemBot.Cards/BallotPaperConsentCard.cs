using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Teams' file consent card for a ballot paper, in the secretary's personal chat (content type
/// <see cref="FileConsentCard.ContentType"/>; the attachment's name is the file name). The answer comes back as a
/// <c>fileConsent/invoke</c> whose context is <see cref="BallotPaperRequest.ToConsentContext"/>.
/// </summary>
public static class BallotPaperConsentCard
{
    public static JsonObject Build(BallotPaperConsentCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.SizeInBytes);
        return new JsonObject
        {
            ["description"] = input.Request.IsMinutes ? BallotPaperTexts.Consent_Minutes : BallotPaperTexts.Consent_RankingList,
            ["sizeInBytes"] = input.SizeInBytes,
            ["acceptContext"] = input.Request.ToConsentContext(),
            ["declineContext"] = input.Request.ToConsentContext(),
        };
    }
}
