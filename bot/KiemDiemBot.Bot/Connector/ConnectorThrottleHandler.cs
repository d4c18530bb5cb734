using System.Net;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Core.Turns;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Sees every Connector answer, turn replies' included: a 429 pauses the whole tenant's proactive sends on every
/// instance (<see cref="ISendRateGate.PauseAsync"/>) until its Retry-After, or for the policy's base delay when it gave
/// none; on the machine's clock, as the gate's slots are (Teams counts in real time). The client's own retry of
/// that request still follows its policy. Without Core's storage (no gate) it only passes answers through.
/// </summary>
internal sealed class ConnectorThrottleHandler(
    IServiceScopeFactory scopes,
    ConnectorRetryPolicy policy,
    ConnectorRetryOptions retry,
    BotOptions bot,
    ILogger<ConnectorThrottleHandler> logger) : DelegatingHandler
{
    private readonly string tenant = ProactiveSendPacer.TenantScopeOf(bot);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.TooManyRequests)
        {
            return response;
        }
        var wait = policy.ReadRetryAfter(response.Headers.RetryAfter) ?? retry.BaseDelay;
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<ISendRateGate>() is { } gate)
            {
                await gate.PauseAsync(tenant, TimeProvider.System.GetUtcNow() + wait, CancellationToken.None).ConfigureAwait(false);
                ConnectorLog.TenantPaused(logger, wait);
            }
        }
        return response;
    }
}
