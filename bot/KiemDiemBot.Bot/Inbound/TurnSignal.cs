using System.Threading.Channels;
using KiemDiemBot.Core.Turns;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Tells this instance's <see cref="TurnDispatcher"/> at once that a conversation has a new stored turn, so
/// it need not wait for its next poll. Only a hint: the database is the truth, and the poll finds anything a
/// hint missed (other instances, restarts, retries).
/// </summary>
public sealed class TurnSignal
{
    private readonly Channel<ConversationKey> hints = Channel.CreateUnbounded<ConversationKey>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<ConversationKey> Reader => hints.Reader;

    public void Notify(ConversationKey conversation) => hints.Writer.TryWrite(conversation);
}
