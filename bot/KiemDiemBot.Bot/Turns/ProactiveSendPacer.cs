using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.Options;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Paces proactive messages (outbox rows no inbound activity waits for: fan-outs, jobs, card updates): first the
/// conversation's own limits (<see cref="ConversationSendWindows"/>), then a send slot of the tenant from the shared
/// <see cref="ISendRateGate"/>, <see cref="TurnPipelineOptions.ProactiveSendsPerSecond"/> slots per second across all
/// instances. A lane waits at most <see cref="TurnPipelineOptions.MaxSendWait"/>; a slot further away is not taken,
/// and the caller puts the message back until then, so members' turns keep their lanes.
/// Teams counts requests in real time, so the pacing runs on the machine's clock (the host registers it with
/// <see cref="TimeProvider.System"/>, as the gate's statements do): a demo clock (Scheduler:Now) or a test's frozen
/// clock neither stalls nor hurries the sends.
/// </summary>
public sealed class ProactiveSendPacer(IOptions<TurnPipelineOptions> settings, BotOptions bot, ConversationSendWindows windows, TimeProvider rateClock)
{
    private readonly TurnPipelineOptions options = settings.Value;

    /// <summary>
    /// The rate-limit scope of the bot's tenant. The bot serves one tenant (its app's); a multi-tenant registration
    /// shares one limit across the tenants it serves, which only errs on the slow side.
    /// </summary>
    public string TenantScope { get; } = TenantScopeOf(bot);

    public static string TenantScopeOf(BotOptions bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        return "tenant:" + (bot.MicrosoftAppTenantId ?? bot.MicrosoftAppId ?? "local");
    }

    /// <summary>The time between two slots of the tenant, headroom included.</summary>
    /// <summary>
    /// A slot that has passed by more than this when its reservation returns is not used: half the headroom's worth of
    /// time (at least one spacing), so that late slots sent at once stay within the headroom.
    /// </summary>
    private TimeSpan StaleAfter => TimeSpan.FromSeconds(Math.Max(options.ProactiveSendHeadroom / 2, 1.0 / options.ProactiveSendsPerSecond));

    private const int MaxStaleRounds = 3;

    public TimeSpan Spacing => TimeSpan.FromSeconds(1.0 / (options.ProactiveSendsPerSecond * (1 - options.ProactiveSendHeadroom)));

    /// <summary>
    /// Waits for the conversation's limits and a tenant slot, and answers null: send now. Or answers how long until
    /// the message should come back, without having waited or reserved anything.
    /// </summary>
    /// <param name="counted">False for an update of a sent message: Teams' per-conversation table (PROTOCOL.md 5.1)
    /// counts sends and creations; every call counts towards the tenant.</param>
    public async Task<TimeSpan?> WaitForSlotAsync(ConversationKey conversation, bool counted, ISendRateGate gate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(gate);
        var conversationWait = counted ? windows.WaitBeforeSend(conversation) : TimeSpan.Zero;
        if (conversationWait > options.MaxSendWait)
        {
            return conversationWait;
        }
        if (conversationWait > TimeSpan.Zero)
        {
            await Task.Delay(conversationWait, rateClock, cancellationToken).ConfigureAwait(false);
        }
        for (var round = 1; ; round++)
        {
            var slot = await gate.TryReserveAsync(TenantScope, Spacing, options.MaxSendWait, cancellationToken).ConfigureAwait(false);
            if (!slot.Reserved)
            {
                return slot.At - rateClock.GetUtcNow();
            }
            var wait = slot.At - rateClock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, rateClock, cancellationToken).ConfigureAwait(false);
                return null;
            }
            if (-wait <= StaleAfter)
            {
                return null;
            }
            // The reservation took long (a busy database): its slot was computed from a "now" that has passed, and so
            // were the slots of the lanes that waited alongside it. Sent now, they would all go at once. The slot is
            // given up; the next one is reserved from the present. After a few rounds the message is put back.
            if (round == MaxStaleRounds)
            {
                return TimeSpan.Zero;
            }
        }
    }

    /// <summary>Counts a send made to the conversation (a proactive message or a turn's reply) against its limits.</summary>
    public void Sent(ConversationKey conversation) => windows.Record(conversation);
}
