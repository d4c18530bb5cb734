using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Dialogs.Flows;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>What a member's answer to a part came to: the review's answers with it, or what is wrong with it.</summary>
internal sealed record SelfReviewPartReading(SelfReviewAnswers? Answers, IReadOnlyList<string> Errors)
{
    public static SelfReviewPartReading Accepted(SelfReviewAnswers answers) => new(answers, []);

    public static SelfReviewPartReading Refused(IReadOnlyList<string> errors) => new(null, errors);
}

/// <summary>
/// One part of the form asked on one card (the identity block, an item of section I, sections II to VI, the
/// accepted conclusions): the card drawn from the review, how an answer is read into the review's answers, and
/// how it shows on the summary and on the read-only card that replaces the answered one.
/// </summary>
/// <param name="Step">The flow step that asks it.</param>
/// <param name="Card">The card as drawn from the review (the flow adds whose review it is and the progress).</param>
/// <param name="Read">The submitted answer read against the review.</param>
/// <param name="Summary">The part on the summary card (without its edit button).</param>
/// <param name="AcceptsText">A typed message is the answer (a part with one box and no grade).</param>
internal sealed record SelfReviewPart(
    string Step,
    Func<SelfReviewView, SelfReviewSectionCardInput> Card,
    Func<FlowInput, SelfReviewView, SelfReviewPartReading> Read,
    Func<SelfReviewView, SelfReviewSummarySection> Summary,
    bool AcceptsText)
{
    /// <summary>The read-only card that replaces the part's card once saved: its title and the answers as the summary shows them.</summary>
    public AnsweredCardInput Answered(SelfReviewView view)
    {
        var summary = Summary(view);
        return new AnsweredCardInput(Card(view).Title, [.. summary.Items.Select(item =>
            new AnsweredCardFact(item.Label, item.Text is null ? null : SelfReviewSummaryCard.Preview(item.Text)))]);
    }
}
