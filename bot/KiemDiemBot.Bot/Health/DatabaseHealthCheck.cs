using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiemDiemBot.Bot.Health;

/// <summary>
/// The database answers and its schema is the code's: one query of the migrations history. With
/// <c>reachableOnly</c> (readiness) a database that answers is enough.
/// </summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, ILogger<DatabaseHealthCheck> logger, bool reachableOnly = false) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            pending = await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().GetPendingMigrationsAsync(cancellationToken);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var reason = HealthReason.Of(failure);
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return HealthCheckResult.Unhealthy(reason);
        }
        if (pending.Count > 0 && !reachableOnly)
        {
            var reason = $"{pending.Count} migration(s) not applied: run migrate";
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return HealthCheckResult.Unhealthy(reason);
        }
        return HealthCheckResult.Healthy(reachableOnly ? "reachable" : "reachable, schema up to date");
    }
}
