using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The whole self-review on one card (xem lại): each part with its answers (long texts shortened to a preview, so
/// the card stays within what Teams carries) and its own edit button; the parts still missing; submit and export.
/// </summary>
public static class SelfReviewSummaryCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>The characters of an answer the summary shows; the rest is cut with an ellipsis.</summary>
    public const int PreviewLength = 300;

    public static JsonObject Build(SelfReviewSummaryCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var body = new JsonArray();
        if (input.Subject is { Length: > 0 } subject)
        {
            body.Add(SelfReviewCardElements.Subject(subject));
        }
        body.Add(CardElements.Title(input.Title));
        body.Add(SelfReviewCardElements.Progress(input.Status));
        foreach (var notice in input.Notices)
        {
            body.Add(CardElements.Paragraph(notice));
        }
        SelfReviewCardElements.AddErrors(body, input.Errors);
        foreach (var section in input.Sections)
        {
            body.Add(Section(section));
        }
        if (input.Missing.Count > 0)
        {
            body.Add(CardElements.Heading(SelfReviewTexts.MissingHeading));
            body.Add(CardElements.BulletList(input.Missing));
        }
        var actions = new JsonArray();
        if (input.CanSubmit)
        {
            actions.Add(SelfReviewCardElements.FlowButton(
                SelfReviewTexts.SubmitButton, CardVersion, (SelfReviewCardData.Command, SelfReviewCardData.SubmitCommand)));
        }
        if (input.CanExport)
        {
            actions.Add(SelfReviewExportButton.Build(input.ExportMemberId, CardVersion));
        }
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>The answer as the summary shows it: the first <see cref="PreviewLength"/> characters.</summary>
    public static string Preview(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        return trimmed.Length <= PreviewLength ? trimmed : trimmed[..PreviewLength].TrimEnd() + "…";
    }

    private static JsonObject Section(SelfReviewSummarySection section)
    {
        var items = new JsonArray(CardElements.Heading(section.Heading));
        foreach (var item in section.Items)
        {
            items.Add(SelfReviewCardElements.Label(item.Label));
            items.Add(string.IsNullOrWhiteSpace(item.Text)
                ? CardElements.Error(SelfReviewTexts.NotAnswered)
                : CardElements.Paragraph(Preview(item.Text)));
        }
        if (section.EditSection is { Length: > 0 } edit)
        {
            items.Add(new JsonObject
            {
                ["type"] = "ActionSet",
                ["actions"] = new JsonArray(SelfReviewCardElements.FlowButton(
                    section.EditTitle ?? SelfReviewTexts.EditButton,
                    CardVersion,
                    (SelfReviewCardData.Command, SelfReviewCardData.EditCommand),
                    (SelfReviewCardData.Section, edit))),
            });
        }
        return new JsonObject
        {
            ["type"] = "Container",
            ["separator"] = true,
            ["spacing"] = "Medium",
            ["items"] = items,
        };
    }
}
