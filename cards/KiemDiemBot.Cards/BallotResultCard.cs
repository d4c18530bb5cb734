using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// The result of a closed ballot in the meeting chat, with the buttons for what comes next: "Bỏ phiếu lại"
/// (<see cref="CardVerbs.OpenRevote"/>) when subjects are flagged, "Xuất biên bản" (<see cref="CardVerbs.ExportMinutes"/>),
/// "Danh sách xếp loại" (<see cref="CardVerbs.ExportRankingList"/>) and "Thông qua kết quả" (<see cref="CardVerbs.AdoptResults"/>).
/// </summary>
public static class BallotResultCard
{
    /// <summary>Raise when the card's buttons change meaning, so submits from older copies are recognised.</summary>
    public const int CardVersion = 1;

    public static JsonObject Build(BallotResultCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var culture = CultureInfo.InvariantCulture;
        var body = new JsonArray(CardElements.Title(string.Format(
            culture, input.IsApproval ? BallotCardTexts.ResultApprovalTitle : BallotCardTexts.ResultTitle, input.BodyName)));
        if (input.Round > 1)
        {
            body.Add(CardElements.Paragraph(string.Format(culture, BallotCardTexts.BallotRound, input.Round)));
        }
        body.Add(SecretaryCardElements.SmallNote(string.Format(culture, BallotCardTexts.ResultTurnout, input.Base, input.Cast, input.Voters, input.PaperBallots)));
        var number = 0;
        foreach (var subject in input.Subjects)
        {
            number++;
            body.Add(SecretaryCardElements.Section(Subject(subject, number)));
        }
        if (!string.IsNullOrWhiteSpace(input.CapWarning))
        {
            body.Add(SecretaryCardElements.Warning(input.CapWarning));
        }
        if (input.ToDo.Count > 0)
        {
            body.Add(CardElements.Heading(BallotCardTexts.ResultToDoHeading));
            body.Add(CardElements.BulletList(input.ToDo));
        }
        // Each button gets its own data nodes (a JSON node has one parent).
        (string, JsonNode?) Ballot() => (CardDataKeys.Ballot, input.BallotId.ToString("D"));
        (string, JsonNode?) Cycle() => (CardDataKeys.Cycle, input.CycleId.ToString("D"));
        (string, JsonNode?) Body() => (CardDataKeys.Body, input.BodyId.ToString("D"));
        var actions = new JsonArray();
        if (input.NeedsRevote)
        {
            actions.Add(SecretaryCardElements.Submit(BallotCardTexts.RevoteButton, CardVerbs.OpenRevote, CardVersion, Ballot()));
        }
        actions.Add(SecretaryCardElements.Submit(BallotCardTexts.MinutesButton, CardVerbs.ExportMinutes, CardVersion, Ballot()));
        actions.Add(SecretaryCardElements.Submit(BallotCardTexts.RankingListButton, CardVerbs.ExportRankingList, CardVersion, Cycle(), Body()));
        actions.Add(SecretaryCardElements.Submit(BallotCardTexts.AdoptButton, CardVerbs.AdoptResults, CardVersion, Cycle(), Body()));
        return AdaptiveCardDocument.Create(body, actions);
    }

    private static List<JsonNode> Subject(BallotResultRow subject, int number)
    {
        var culture = CultureInfo.InvariantCulture;
        List<JsonNode> items =
        [
            new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = CardElements.Numbered(number, subject.Name),
                ["weight"] = "Bolder",
                ["wrap"] = true,
            },
            SecretaryCardElements.SmallNote(string.Join(" · ", subject.Counts.Select(c => c.Label + " " + c.Votes.ToString(culture)))),
        ];
        if (subject.NeedsRevote)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = BallotCardTexts.ResultNoResult,
                ["color"] = "Attention",
                ["weight"] = "Bolder",
                ["spacing"] = "Small",
                ["wrap"] = true,
            });
        }
        else if (subject.Level is { } level)
        {
            items.Add(new JsonObject
            {
                ["type"] = "TextBlock",
                ["text"] = string.Format(culture, BallotCardTexts.ResultLevel, level),
                ["color"] = "Good",
                ["weight"] = "Bolder",
                ["spacing"] = "Small",
                ["wrap"] = true,
            });
        }
        if (!string.IsNullOrWhiteSpace(subject.Outcome))
        {
            items.Add(SecretaryCardElements.SmallNote(subject.Outcome));
        }
        return items;
    }
}
