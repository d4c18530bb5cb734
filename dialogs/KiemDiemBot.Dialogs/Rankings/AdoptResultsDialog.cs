using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Dialogs.Secretary;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Rankings;

/// <summary>
/// "thông qua kết quả", or "Thông qua kết quả" on a ballot's result card (the data names the cycle and the body): the
/// deciding body's check. When nothing blocks, the body's secretary or deputy adopts at once and gets the adopted list;
/// otherwise the card says what blocks (open ballots, subjects without a result, the 20% cap across the cells with its
/// numbers) and, when the cap is exceeded, offers to open the approval ballot. Typed, the body is the grassroots
/// organisation the member leads (else the cell they lead, whose check names the committee that decides).
/// </summary>
public sealed class AdoptResultsDialog(
    IReviewCycleService cycles,
    ILeadershipScopes leadership,
    IMemberAuthorizer authorizer,
    IBallotService ballots,
    IRankingDecisionService decisions,
    ILogger<AdoptResultsDialog> logger) : IDialog
{
    public const string Command = "thong qua ket qua";

    public IReadOnlyCollection<string> Commands { get; } = [Command];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.AdoptResults];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            return [];
        }
        Guid cycleId;
        Guid? bodyId;
        if (turn.Value is not null)
        {
            if (CardValues.Id(turn.Value, CardDataKeys.Cycle) is not { } pressedCycle || CardValues.Id(turn.Value, CardDataKeys.Body) is not { } pressedBody)
            {
                return [DialogReply.FromText(RankingDialogTexts.ButtonNotUnderstood)];
            }
            (cycleId, bodyId) = (pressedCycle, pressedBody);
        }
        else
        {
            if (await cycles.FindCurrentAsync(cancellationToken) is not { } cycle)
            {
                return [DialogReply.FromText(SecretaryDialogTexts.NoOpenCycle)];
            }
            cycleId = cycle.Id;
            bodyId = await TypedBodyAsync(turn, member, cancellationToken);
        }
        if (bodyId is not { } body || !await authorizer.MayAsync(member, MemberAction.AdoptResults, AccessSubject.Organisation(body), cancellationToken))
        {
            RankingLog.Refused(logger, member.MemberId, Command);
            return [DialogReply.FromText(RankingDialogTexts.AdoptNotAllowed)];
        }
        AdoptionCheck check;
        try
        {
            check = await decisions.CheckAsync(cycleId, body, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            return [DialogReply.FromText(refused.Message)];
        }
        RankingLog.Checked(logger, check.DecidingBodyId, cycleId, member.MemberId, check.Pending.Count, check.Blockers.Count);
        if (!check.CanAdopt)
        {
            return [DialogReply.FromCard(CheckCard(check))];
        }
        AdoptionResult adopted;
        try
        {
            adopted = await decisions.AdoptAsync(cycleId, body, member.MemberId, cancellationToken);
        }
        catch (BallotRefusedException refused)
        {
            RankingLog.ActionRefused(logger, "adopt", member.MemberId);
            return [DialogReply.FromText(refused.Message)];
        }
        RankingLog.Adopted(logger, check.DecidingBodyId, cycleId, member.MemberId, adopted.Rankings.Count);
        return [DialogReply.FromCard(AdoptedCard(check.DecidingBodyName, adopted))];
    }

    /// <summary>The check card of <paramref name="check"/>; the approval button only when the cap is exceeded and nothing else blocks.</summary>
    public static JsonObject CheckCard(AdoptionCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return RankingAdoptionCheckCard.Build(new RankingAdoptionCheckCardInput(
            check.CycleId,
            check.DecidingBodyId,
            check.DecidingBodyName,
            check.Pending.Count,
            check.Blockers,
            check.NeedsApprovalBallot,
            check.ApprovalSeats));
    }

    public static JsonObject AdoptedCard(string bodyName, AdoptionResult adopted)
    {
        ArgumentNullException.ThrowIfNull(adopted);
        return RankingAdoptedCard.Build(new RankingAdoptedCardInput(
            bodyName,
            // Adoption gives a reason only to the names the approval ballot dropped to HTTNV.
            [.. adopted.Rankings.Select(r => new RankingAdoptedRow(r.SubjectName, r.CellName, r.Level.DisplayName(), r.Reason is not null && r.BallotId is not null))],
            [.. RankingLevels.TopDown.Select(l => new RankingLevelTotal(l.DisplayName(), adopted.Rankings.Count(r => r.Level == l)))]));
    }

    /// <summary>The grassroots organisation the member leads; else the cell they lead; else, in a meeting chat, its latest ballot's body.</summary>
    private async Task<Guid?> TypedBodyAsync(DialogTurn turn, TurnMember member, CancellationToken cancellationToken)
    {
        if ((await leadership.GrassrootsLedAsync(member, cancellationToken)).FirstOrDefault() is { } grassroots)
        {
            return grassroots.Id;
        }
        if ((await leadership.CellsLedAsync(member, cancellationToken)).FirstOrDefault() is { } cell)
        {
            return cell.Id;
        }
        return turn.IsGroup && await ballots.FindLatestAsync(new MeetingConversation(turn.ChannelId, turn.ConversationId), cancellationToken) is { } latest
            ? latest.BodyId
            : null;
    }
}
