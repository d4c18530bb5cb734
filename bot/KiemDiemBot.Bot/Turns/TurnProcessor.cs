using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Runs one non-invoke turn in its own scope: refresh the conversation reference, route, run the chosen
/// dialogs and send each reply through the Connector (as a reply to the inbound activity when it has an id).
/// </summary>
public sealed class TurnProcessor(
    ConversationReferenceRecorder recorder,
    TurnRouter router,
    IWelcomeDialog welcome,
    IFallbackDialog fallback,
    IConnectorClient connector,
    ILogger<TurnProcessor> logger)
{
    public async Task ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        var isFirstContact = await recorder.RecordAsync(activity, cancellationToken).ConfigureAwait(false);
        var plan = router.Route(activity, isFirstContact);
        if (plan.IsEmpty)
        {
            logger.TurnIgnored(activity.Type, activity.Id);
            return;
        }
        var turn = DialogTurnMapper.Map(activity);
        if (turn is null || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            logger.TurnUnanswerable(activity.Type, activity.Id);
            return;
        }
        if (plan.Welcome)
        {
            await SendAsync(activity, await welcome.WelcomeAsync(turn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        if (plan.Dialog is not null)
        {
            await SendAsync(activity, await plan.Dialog.RunAsync(turn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        if (plan.Fallback)
        {
            await SendAsync(activity, await fallback.NotUnderstoodAsync(turn, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        logger.TurnHandled(activity.Type, activity.Id, plan.Welcome, plan.Dialog?.GetType().Name, plan.Fallback);
    }

    private async Task SendAsync(Activity inbound, IReadOnlyList<DialogReply> replies, CancellationToken cancellationToken)
    {
        var serviceUrl = inbound.ServiceUrl!;
        var conversationId = inbound.Conversation!.Id!;
        foreach (var reply in replies)
        {
            var outbound = ReplyActivityFactory.Create(inbound, reply);
            var sent = string.IsNullOrEmpty(inbound.Id)
                ? await connector.SendToConversationAsync(serviceUrl, conversationId, outbound, cancellationToken).ConfigureAwait(false)
                : await connector.ReplyToActivityAsync(serviceUrl, conversationId, inbound.Id, outbound, cancellationToken).ConfigureAwait(false);
            logger.ReplySent(inbound.Id, sent.Id);
        }
    }
}
