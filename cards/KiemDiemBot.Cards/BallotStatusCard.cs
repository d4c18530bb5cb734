using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The ballot's one message in the meeting chat, updated in place as ballots are cast: "Đã bỏ phiếu X/Y", paper
/// ballots entered, and "Đóng phiếu" (verb <see cref="CardVerbs.CloseBallot"/>) while it is open; once closed, "Xem
/// kết quả" (<see cref="CardVerbs.ShowBallotResult"/>). No names and no choices: everyone in the chat sees it.
/// </summary>
public static class BallotStatusCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(BallotStatusCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(CardElements.Title(string.Format(
            culture, input.IsApproval ? BallotCardTexts.StatusApprovalTitle : BallotCardTexts.StatusTitle, input.BodyName)));
        if (input.Round > 1)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, BallotCardTexts.BallotRound, input.Round)));
        }
        body.Add(new JsonObject
        {
            ["type"] = "TextBlock",
            ["text"] = string.Format(culture, BallotCardTexts.StatusCast, input.Cast, input.Voters),
            ["size"] = "ExtraLarge",
            ["weight"] = "Bolder",
            ["wrap"] = true,
        });
        var facts = new List<string> { string.Format(culture, BallotCardTexts.StatusSubjects, input.Subjects) };
        if (input.PaperBallots > 0)
        {
            facts.Add(string.Format(culture, BallotCardTexts.StatusPaper, input.PaperBallots));
        }
        body.Add(CardElements.BulletList(facts));
        if (input.QuorumOverridden)
        {
            body.Add(SecretaryCardElements.Warning(BallotCardTexts.StatusQuorumOverridden));
        }
        body.Add(CardElements.Note(input.IsOpen ? BallotCardTexts.StatusOpenNote : BallotCardTexts.StatusClosed));
        var ballot = (CardDataKeys.Ballot, (JsonNode?)input.BallotId.ToString("D"));
        var actions = new JsonArray(input.IsOpen
            ? SecretaryCardElements.Submit(BallotCardTexts.CloseButton, CardVerbs.CloseBallot, CardVersion, ballot)
            : SecretaryCardElements.Submit(BallotCardTexts.ShowResultButton, CardVerbs.ShowBallotResult, CardVersion, ballot));
        return AdaptiveCardDocument.Create(body, actions);
    }
}
