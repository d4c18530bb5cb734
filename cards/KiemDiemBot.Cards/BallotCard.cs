using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The private ballot sent to each voter's personal chat: one compact drop-down per subject (the levels its caps allow,
/// abbreviated, with the caps' reasons under the name; or agree / disagree), and one "Bỏ phiếu" that casts the whole
/// ballot (verb <see cref="CardVerbs.CastBallot"/>, data <see cref="CardDataKeys.Ballot"/>). Kept small so that a
/// ballot of 40 subjects stays well under Teams' 28 KB message limit: the level names are listed once, each subject
/// is a name, its reasons and a drop-down, and subject ids are written without dashes. One submit casts the whole
/// ballot, so it is never split into pages.
/// </summary>
public static class BallotCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    /// <summary>An approval ballot's value for "Đồng ý".</summary>
    public const string AgreeValue = "1";

    /// <summary>An approval ballot's value for "Không đồng ý".</summary>
    public const string DisagreeValue = "0";

    /// <summary>"Đồng ý", as the approval ballot and its result name it.</summary>
    public static string AgreeTitle => BallotCardTexts.ApprovalAgree;

    /// <summary>"Không đồng ý", as the approval ballot and its result name it.</summary>
    public static string DisagreeTitle => BallotCardTexts.ApprovalDisagree;

    /// <summary>The id of a subject's input.</summary>
    public static string InputId(Guid subjectId) => CardDataKeys.SubjectPrefix + subjectId.ToString("N");

    public static JsonObject Build(BallotCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(CardElements.Title(string.Format(
            culture, input.IsApproval ? BallotCardTexts.ApprovalTitle : BallotCardTexts.BallotTitle, input.BodyName)));
        if (input.Round > 1)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, BallotCardTexts.BallotRound, input.Round)));
        }
        body.Add(SecretaryCardElements.SmallNote(input.IsApproval ? BallotCardTexts.ApprovalIntro : BallotCardTexts.BallotIntro));
        if (input.IsApproval && input.Seats > 0)
        {
            body.Add(SecretaryCardElements.SmallNote(string.Format(culture, BallotCardTexts.ApprovalSeats, input.Seats)));
        }
        if (!input.IsApproval && input.Legend.Count > 0)
        {
            body.Add(SecretaryCardElements.SmallNote(string.Join(" · ", input.Legend.Select(l => l.Abbreviation + ": " + l.FullName))));
        }
        foreach (var error in input.Errors)
        {
            body.Add(CardElements.Error(error));
        }
        var number = 0;
        foreach (var subject in input.Subjects)
        {
            number++;
            body.Add(Subject(input, subject, number));
        }
        var actions = new JsonArray(
            SecretaryCardElements.Submit(BallotCardTexts.BallotSubmit, CardVerbs.CastBallot, CardVersion, (CardDataKeys.Ballot, input.BallotId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }

    private static JsonObject Subject(BallotCardInput input, BallotCardSubject subject, int number)
    {
        var id = InputId(subject.SubjectId);
        var items = new JsonArray(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = number.ToString(CultureInfo.InvariantCulture) + ". " + subject.Name,
            ["weight"] = "Bolder",
            ["wrap"] = true,
        });
        foreach (var reason in subject.CapReasons)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = reason,
                ["size"] = "Small",
                ["color"] = "Warning",
                ["spacing"] = "None",
                ["wrap"] = true,
            });
        }
        IEnumerable<BallotCardChoice> choices = input.IsApproval
            ? [new(AgreeTitle, AgreeValue), new(DisagreeTitle, DisagreeValue)]
            : subject.Choices;
        var choiceSet = new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = id,
            ["style"] = "compact",
            ["spacing"] = "Small",
            ["placeholder"] = input.IsApproval ? BallotCardTexts.ApprovalPlaceholder : BallotCardTexts.BallotPlaceholder,
            ["isRequired"] = true,
            ["errorMessage"] = BallotCardTexts.BallotRequired,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        if (input.Values.TryGetValue(id, out var value) && value.Length > 0)
        {
            choiceSet["value"] = value;
        }
        items.Add(choiceSet);
        return new JsonObject
        {
            ["type"] = "Container",
            ["spacing"] = "Medium",
            ["items"] = items,
        };
    }
}
