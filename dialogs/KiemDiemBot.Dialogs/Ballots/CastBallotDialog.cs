using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// "Bỏ phiếu" on a voter's private ballot card: the whole ballot in one submit. Stateless on purpose (not a flow), so
/// that no flow state ever holds a choice: the choices go from the submit straight to <see cref="IBallotService"/>,
/// which adds them to anonymous counters in the turn's commit. Once counted, the card is replaced in place by a
/// receipt that shows no choice, and the meeting chat's status card is updated with the new count. A refusal (cast
/// already, closed, not a voter here, an unknown or missing subject or level, a level above a cap) is said politely;
/// while the voter may still cast, they are told to correct the card (which keeps their choices on their screen; the
/// bot never sends choices back). Only in a personal chat: a ballot submitted in a group chat is refused unread.
/// Nothing of the choices is logged.
/// </summary>
public sealed class CastBallotDialog(IBallotService ballots, IConversationPosts posts, ILogger<CastBallotDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = [];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.CastBallot];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } voter)
        {
            return [];
        }
        var ballotId = CardValues.Id(turn.Value, CardDataKeys.Ballot);
        if (turn.IsGroup)
        {
            BallotLog.CastRefused(logger, ballotId ?? Guid.Empty, "group chat");
            return [DialogReply.FromText(BallotDialogTexts.CastInGroupRefused)];
        }
        if (ballotId is not { } id)
        {
            return [DialogReply.FromText(BallotDialogTexts.CastNotUnderstood)];
        }
        if (await ballots.GetAsync(id, cancellationToken) is not { } ballot)
        {
            BallotLog.CastRefused(logger, id, "unknown ballot");
            return [DialogReply.FromText(BallotDialogTexts.BallotUnknown)];
        }
        var submitted = Submitted(turn.Value);
        if (!TryReadChoices(ballot, submitted, out var levels, out var agrees))
        {
            BallotLog.CastRefused(logger, id, "unreadable choice");
            return await RefusedAsync(id, voter.MemberId, BallotDialogTexts.CastInvalidChoice, cancellationToken);
        }
        BallotView counted;
        try
        {
            counted = ballot.Kind == BallotKind.ExcellenceApproval
                ? await ballots.CastApprovalAsync(id, voter.MemberId, agrees, cancellationToken)
                : await ballots.CastAsync(id, voter.MemberId, levels, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            BallotLog.CastRefused(logger, id, "refused by the ballot");
            return await RefusedAsync(id, voter.MemberId, refused.Message, cancellationToken);
        }
        BallotLog.Cast(logger, id);
        // The status card is drawn inside the commit, after this cast's count: the count it shows is never passed
        // by a concurrent cast that committed first.
        if (!await posts.StageUpdateAsync(
            BallotPostKeys.Status(id),
            async ct => BallotCards.Status(await ballots.GetAsync(id, ct) ?? counted),
            cancellationToken))
        {
            BallotLog.StatusCardMissing(logger, id);
        }
        var receipt = BallotCards.Cast(counted);
        return [turn.SupportsUpdates && !string.IsNullOrEmpty(turn.ReplyToId) ? DialogReply.UpdateCard(turn.ReplyToId, receipt) : DialogReply.FromCard(receipt)];
    }

    /// <summary>The submitted subject inputs (input id to value), nothing else of the submit.</summary>
    private static Dictionary<string, string> Submitted(JsonObject? value)
    {
        var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, node) in value ?? [])
        {
            if (key.StartsWith(CardDataKeys.SubjectPrefix, StringComparison.Ordinal) && CardValues.Text(value, key) is { } text)
            {
                inputs[key] = text.Trim();
            }
        }
        return inputs;
    }

    /// <summary>
    /// Reads one choice per subject input. An input left empty is left out (the ballot refuses a missing subject); a
    /// subject id that is not on the ballot is passed on (the ballot refuses it); a value that is no choice at all is unreadable.
    /// </summary>
    private static bool TryReadChoices(
        BallotView ballot, Dictionary<string, string> submitted, out Dictionary<Guid, RankingLevel> levels, out Dictionary<Guid, bool> agrees)
    {
        levels = [];
        agrees = [];
        foreach (var (key, text) in submitted)
        {
            if (!Guid.TryParse(key.AsSpan(CardDataKeys.SubjectPrefix.Length), out var subjectId))
            {
                return false;
            }
            if (text.Length == 0)
            {
                continue;
            }
            if (ballot.Kind == BallotKind.ExcellenceApproval)
            {
                if (text is not (BallotCard.AgreeValue or BallotCard.DisagreeValue))
                {
                    return false;
                }
                agrees[subjectId] = text == BallotCard.AgreeValue;
                continue;
            }
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Enum.IsDefined((RankingLevel)number))
            {
                return false;
            }
            levels[subjectId] = (RankingLevel)number;
        }
        return true;
    }

    /// <summary>
    /// The refusal, with a line saying the ballot is not counted yet and can be corrected on the card while the voter
    /// may still cast. The card is not sent back with the choices: an outgoing message is kept in the outbox after it is
    /// sent, and one that carried a voter's choices (likely the same ones they cast next) would tie them to a vote. The
    /// card stays filled on the voter's screen anyway (Teams and Web Chat keep a card's inputs after a submit).
    /// </summary>
    private async Task<IReadOnlyList<DialogReply>> RefusedAsync(Guid ballotId, Guid voterId, string message, CancellationToken cancellationToken) =>
        await ballots.MayCastAsync(ballotId, voterId, cancellationToken)
            ? [DialogReply.FromText(message + "\n\n" + BallotDialogTexts.CastCorrectOnCard)]
            : [DialogReply.FromText(message)];
}
