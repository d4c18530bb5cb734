using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Cards;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>Tells a member whose message failed inside the bot that it failed, instead of leaving them waiting.</summary>
public sealed class TurnFailureNotice(IConnectorClient connector)
{
    public async Task SendAsync(Activity failed, CancellationToken cancellationToken)
    {
        if (failed.Type != ActivityTypes.Message || string.IsNullOrEmpty(failed.ServiceUrl) || failed.Conversation?.Id is not { } conversationId)
        {
            return;
        }
        var notice = ReplyActivityFactory.Create(failed, DialogReply.FromCard(TurnFailedCard.Build()));
        await connector.SendToConversationAsync(failed.ServiceUrl, conversationId, notice, cancellationToken).ConfigureAwait(false);
    }
}
