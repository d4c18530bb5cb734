using System.Text.Json;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Telemetry;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Runs one stored turn in its own scope as one unit of work: refresh the conversation reference, route,
/// resolve who wrote (someone on no roster gets one card saying so, and nothing else happens), run the chosen
/// dialogs, stage each reply in the outbox (a reply to the inbound activity, or the update of
/// an earlier message), mark the inbox row done, and commit all of it together. Sending happens after the
/// commit (<see cref="OutboxSender"/>); the committed replies are handed back so they can be sent at once.
/// </summary>
public sealed class TurnProcessor(
    ITurnInbox inbox,
    ITurnOutbox outbox,
    IUnitOfWork unitOfWork,
    ConversationReferenceRecorder recorder,
    TurnRouter router,
    TurnIdentityResolver identities,
    IWelcomeDialog welcome,
    IActiveFlowDialog activeFlow,
    IFallbackDialog fallback,
    ILogger<TurnProcessor> logger)
{
    /// <param name="turn">The pending turn, as read with the conversation's next work (under its lease).</param>
    /// <returns>The replies the turn committed, in order.</returns>
    /// <exception cref="ConcurrentChangeException">The turn was finished meanwhile, or its changes lost a race.</exception>
    public async Task<IReadOnlyList<PendingDelivery>> ProcessAsync(PendingTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        using var trace = KiemDiemTelemetry.StartTurn(turn.Id);
        var started = KiemDiemTelemetry.Timestamp();
        var activityType = turn.ActivityType;
        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(turn.Payload, ProtocolJson.Options)
                ?? throw new InvalidOperationException($"Stored turn {turn.Id} is not an activity.");

            var replies = await DecideAsync(activity, cancellationToken).ConfigureAwait(false);
            foreach (var reply in replies)
            {
                outbox.Stage(ToEnvelope(turn.Id, activity, reply));
            }
            inbox.StageDone(turn);
            await unitOfWork.CommitAsync(cancellationToken).ConfigureAwait(false);
            KiemDiemTelemetry.TurnProcessed(trace, activityType, started);
            return outbox.Committed();
        }
        catch (Exception exception) when (KiemDiemTelemetry.TurnFailed(trace, activityType, exception, started))
        {
            // Never reached: the filter records the failure and lets the exception go on to the dispatcher.
            throw;
        }
    }

    private async Task<List<DialogReply>> DecideAsync(Activity activity, CancellationToken cancellationToken)
    {
        var isFirstContact = await recorder.RecordAsync(activity, cancellationToken).ConfigureAwait(false);
        var plan = router.Route(activity, isFirstContact);
        List<DialogReply> replies = [];
        if (plan.IsEmpty)
        {
            logger.TurnIgnored(activity.Type, activity.Id);
            return replies;
        }
        var turn = DialogTurnMapper.Map(activity);
        if (turn is null || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            logger.TurnUnanswerable(activity.Type, activity.Id);
            return replies;
        }
        // A bot added to a group is greeted whoever added it; anything a person asks needs to know who they are.
        if (activity.Type == ActivityTypes.Message || !turn.IsGroup)
        {
            var identity = await identities.ResolveAsync(activity, cancellationToken).ConfigureAwait(false);
            if (!identity.IsOnRoster)
            {
                replies.Add(identities.NotOnRosterReply(activity));
                return replies;
            }
            turn = turn with { Member = identity.Member };
        }
        if (plan.Welcome)
        {
            replies.AddRange(await welcome.WelcomeAsync(turn, cancellationToken).ConfigureAwait(false));
        }
        if (plan.Dialog is not null)
        {
            replies.AddRange(await plan.Dialog.RunAsync(turn, cancellationToken).ConfigureAwait(false));
        }
        if (plan.Fallback)
        {
            var continued = await activeFlow.ContinueAsync(turn, cancellationToken).ConfigureAwait(false);
            replies.AddRange(continued ?? await fallback.NotUnderstoodAsync(turn, cancellationToken).ConfigureAwait(false));
        }
        logger.TurnHandled(activity.Type, activity.Id, plan.Welcome, plan.Dialog?.GetType().Name, plan.Fallback);
        return replies;
    }

    private static OutboundEnvelope ToEnvelope(long turnId, Activity inbound, DialogReply reply)
    {
        var outbound = ReplyActivityFactory.Create(inbound, reply);
        var (operation, target) = reply.UpdateActivityId is { Length: > 0 } updated ? (OutboundOperation.Update, updated)
            : string.IsNullOrEmpty(inbound.Id) ? (OutboundOperation.Send, (string?)null)
            : (OutboundOperation.Reply, inbound.Id);
        return new OutboundEnvelope(
            new ConversationKey(inbound.ChannelId!, inbound.Conversation!.Id!),
            inbound.ServiceUrl!,
            operation,
            target,
            JsonSerializer.Serialize(outbound, ProtocolJson.Options))
        {
            InboundActivityId = turnId,
            DedupeKey = reply.PostKey,
        };
    }
}
