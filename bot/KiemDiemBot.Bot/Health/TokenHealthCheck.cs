using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiemDiemBot.Bot.Health;

/// <summary>
/// A token can be had from Entra ID: <paramref name="acquire"/> asks the feature's own token provider (its cache
/// first, so a load balancer's polling costs no request to Entra while the token is fresh). The token itself is
/// never shown.
/// </summary>
internal sealed class TokenHealthCheck(IServiceProvider services, Func<IServiceProvider, CancellationToken, Task<string?>> acquire, ILogger<TokenHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        string? token;
        try
        {
            token = await acquire(services, cancellationToken);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var reason = HealthReason.Of(failure);
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return HealthCheckResult.Unhealthy(reason);
        }
        if (string.IsNullOrEmpty(token))
        {
            HealthLog.CheckFailed(logger, context.Registration.Name, "no token");
            return HealthCheckResult.Unhealthy("no token");
        }
        return HealthCheckResult.Healthy("token acquired");
    }
}
