using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The last part of the self-review (VII): the suggested level with its reason, every cap with its reason, and the
/// level choices (the flow offers none above a cap); one button saves the choice.
/// </summary>
public static class SelfReviewLevelCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(SelfReviewLevelCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.PartyLevel.Choices.Count == 0)
        {
            throw new ArgumentException("The level card offers at least one level.", nameof(input));
        }
        var body = new JsonArray();
        if (input.Subject is { Length: > 0 } subject)
        {
            body.Add(SelfReviewCardElements.Subject(subject));
        }
        body.Add(CardElements.Title(input.Title));
        if (input.Progress is { Length: > 0 } progress)
        {
            body.Add(SelfReviewCardElements.Progress(progress));
        }
        body.Add(CardElements.Heading(SelfReviewTexts.SuggestionHeading));
        body.Add(SelfReviewCardElements.Label(input.SuggestedLevel));
        body.Add(CardElements.Paragraph(input.SuggestionReason));
        body.Add(CardElements.Heading(SelfReviewTexts.CapsHeading));
        if (input.Caps.Count == 0)
        {
            body.Add(CardElements.Paragraph(SelfReviewTexts.NoCaps));
        }
        else
        {
            body.Add(CardElements.BulletList(input.Caps.Select(cap => cap.Ceiling + ": " + cap.Reason)));
            body.Add(CardElements.Note(SelfReviewTexts.CapsLimitChoices));
        }
        foreach (var notice in input.Notices)
        {
            body.Add(CardElements.Paragraph(notice));
        }
        SelfReviewCardElements.AddErrors(body, input.Errors);
        if (input.CivilServantLevel is { } civilServant)
        {
            body.Add(SelfReviewCardElements.ChoiceInput(civilServant));
        }
        body.Add(SelfReviewCardElements.ChoiceInput(input.PartyLevel));
        var actions = new JsonArray(SelfReviewCardElements.FlowButton(
            input.SubmitTitle ?? SelfReviewTexts.SaveButton, CardVersion, (SelfReviewCardData.Command, SelfReviewCardData.SaveCommand)));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
