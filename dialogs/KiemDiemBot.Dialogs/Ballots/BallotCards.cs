using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// Draws the ballot cards from Core's views: the private ballot (levels abbreviated, their names listed once), the
/// receipt that replaces it, the meeting chat's status card (counts only) and the result card.
/// </summary>
public static class BallotCards
{
    /// <summary>The private ballot, the same for every voter (it never carries a choice).</summary>
    public static JsonObject Ballot(BallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        var isApproval = ballot.Kind == BallotKind.ExcellenceApproval;
        return BallotCard.Build(new BallotCardInput(
            ballot.BallotId,
            ballot.BodyName,
            ballot.Round,
            isApproval,
            [.. ballot.Subjects.Select(s => new BallotCardSubject(
                s.SubjectId,
                s.Name,
                [.. s.AllowedLevels.OrderByDescending(l => l).Select(l => new BallotCardChoice(l.Abbreviation(), LevelValue(l)))],
                s.CapReasons))],
            isApproval ? [] : [.. RankingLevels.TopDown.Select(l => new BallotCardLegend(l.Abbreviation(), l.DisplayName()))])
        {
            Seats = ballot.Seats,
        });
    }

    /// <summary>
    /// Whether a ranking ballot of these subjects (every level offered, their caps' reasons shown: the largest it can
    /// be) fits in one Teams message; a ballot is one submit, so it cannot be split.
    /// </summary>
    public static bool Fits(string bodyName, IEnumerable<(Guid Id, string Name, IReadOnlyList<string> CapReasons)> subjects)
    {
        var card = BallotCard.Build(new BallotCardInput(
            Guid.Empty,
            bodyName,
            1,
            false,
            [.. subjects.Select(s => new BallotCardSubject(
                s.Id, s.Name, [.. RankingLevels.TopDown.Select(l => new BallotCardChoice(l.Abbreviation(), LevelValue(l)))], s.CapReasons))],
            [.. RankingLevels.TopDown.Select(l => new BallotCardLegend(l.Abbreviation(), l.DisplayName()))]));
        return BallotCard.ByteSize(card) <= BallotCard.MaxBytes;
    }

    /// <summary>What a level is submitted as on the ballot card: its number (4 = HTXSNV ... 1 = KHTNV), short on purpose.</summary>
    public static string LevelValue(RankingLevel level) => ((int)level).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static JsonObject Cast(BallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return BallotCastCard.Build(new BallotCastCardInput(ballot.BodyName, ballot.Round));
    }

    public static JsonObject Status(BallotView ballot)
    {
        ArgumentNullException.ThrowIfNull(ballot);
        return BallotStatusCard.Build(new BallotStatusCardInput(
            ballot.BallotId,
            ballot.BodyName,
            ballot.Kind == BallotKind.ExcellenceApproval,
            ballot.Round,
            ballot.Subjects.Count,
            ballot.Cast,
            ballot.EligibleVoters,
            ballot.State == BallotState.Open)
        {
            PaperBallots = ballot.PaperBallots,
            QuorumOverridden = ballot.QuorumOverridden,
        });
    }

    public static JsonObject Result(BallotResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var ballot = result.Ballot;
        var isApproval = ballot.Kind == BallotKind.ExcellenceApproval;
        return BallotResultCard.Build(new BallotResultCardInput(
            ballot.BallotId,
            ballot.CycleId,
            ballot.BodyId,
            ballot.BodyName,
            isApproval,
            ballot.Round,
            ballot.Base,
            ballot.Cast,
            ballot.EligibleVoters,
            ballot.PaperBallots,
            [.. result.Subjects.Select(s => new BallotResultRow(
                s.Name,
                isApproval
                    ? [new(BallotCard.AgreeTitle, s.Agree), new(BallotCard.DisagreeTitle, s.Disagree)]
                    : [.. RankingLevels.TopDown.Select(l => new BallotResultCount(l.Abbreviation(), s.Votes.TryGetValue(l, out var votes) ? votes : 0))],
                s.Level?.DisplayName(),
                s.NeedsRevote,
                s.Outcome))])
        {
            CapWarning = result.CapWarning,
            ToDo = result.ToDo,
            NeedsRevote = result.NeedsRevote,
        });
    }
}
