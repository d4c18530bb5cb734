using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiemDiemBot.Bot.Health;

/// <summary>The host has finished starting and is not stopping: it takes turns.</summary>
internal sealed class StartedHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            lifetime.ApplicationStopping.IsCancellationRequested ? HealthCheckResult.Unhealthy("stopping")
            : lifetime.ApplicationStarted.IsCancellationRequested ? HealthCheckResult.Healthy("started")
            : HealthCheckResult.Unhealthy("starting"));
}
