using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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

    /// <summary>
    /// The largest ballot card sent, in UTF-8 bytes as the Connector writes it: Teams refuses a message above 28 KB,
    /// and the activity around the card needs some of it. A ballot is one submit, so it is never split into pages; a
    /// setup whose ballot would be larger is refused (about 60 subjects with long names and caps).
    /// </summary>
    public const int MaxBytes = 24 * 1024;

    private static readonly JsonSerializerOptions Wire = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The card's size as sent (UTF-8, letters unescaped).</summary>
    public static int ByteSize(JsonObject card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return Encoding.UTF8.GetByteCount(card.ToJsonString(Wire));
    }

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
        var number = 0;
        foreach (var subject in input.Subjects)
        {
            number++;
            foreach (var element in Subject(input, subject, number))
            {
                body.Add(element);
            }
        }
        var actions = new JsonArray(
            SecretaryCardElements.Submit(BallotCardTexts.BallotSubmit, CardVerbs.CastBallot, CardVersion, (CardDataKeys.Ballot, input.BallotId.ToString("D"))));
        return AdaptiveCardDocument.Create(body, actions);
    }

    /// <summary>
    /// A subject: its drop-down labelled "N. name" (a required input needs a label), and the caps' reasons in small
    /// warning text right under it. No container and no more properties than needed: 40 of these fit in a phone's card.
    /// </summary>
    private static IEnumerable<JsonObject> Subject(BallotCardInput input, BallotCardSubject subject, int number)
    {
        IEnumerable<BallotCardChoice> choices = input.IsApproval
            ? [new(AgreeTitle, AgreeValue), new(DisagreeTitle, DisagreeValue)]
            : subject.Choices;
        yield return new JsonObject
        {
            ["type"] = "Input.ChoiceSet",
            ["id"] = InputId(subject.SubjectId),
            ["label"] = number.ToString(CultureInfo.InvariantCulture) + ". " + subject.Name,
            ["style"] = "compact",
            ["placeholder"] = input.IsApproval ? BallotCardTexts.ApprovalPlaceholder : BallotCardTexts.BallotPlaceholder,
            ["isRequired"] = true,
            ["errorMessage"] = BallotCardTexts.BallotRequired,
            ["choices"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["title"] = c.Title, ["value"] = c.Value })]),
        };
        foreach (var reason in subject.CapReasons)
        {
            yield return new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = reason,
                ["size"] = "Small",
                ["color"] = "Warning",
                ["spacing"] = "None",
                ["wrap"] = true,
            };
        }
    }
}
