using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>Says the self-review is submitted (or completed after the meeting), with the "Xuất file" button.</summary>
public static class SelfReviewSubmittedCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(SelfReviewSubmittedCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray();
        if (input.Subject is { Length: > 0 } subject)
        {
            body.Add(SelfReviewCardElements.Subject(subject));
        }
        body.Add(CardElements.Title(input.Title));
        body.Add(CardElements.Paragraph(input.Message));
        foreach (var notice in input.Notices)
        {
            body.Add(CardElements.Note(notice));
        }
        var actions = new JsonArray(SelfReviewExportButton.Build(input.ExportMemberId, CardVersion));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
