using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The "Xuất file" button on the self-review's cards: the export dialog's verb, which the flow engine leaves as it
/// is; with <see cref="CardDataKeys.MemberId"/> when it exports another member's review (a secretary's proxy entry).
/// </summary>
internal static class SelfReviewExportButton
{
    public static JsonObject Build(string? memberId, int cardVersion)
    {
        var action = CardActions.Submit(SelfReviewTexts.ExportButton, CardVerbs.ExportSelfReview, step: null, cardVersion);
        if (!string.IsNullOrEmpty(memberId))
        {
            action["data"]![CardDataKeys.MemberId] = memberId;
        }
        return action;
    }
}
