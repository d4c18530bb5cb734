using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiemDiemBot.Bot.Health;

/// <summary>Hangfire's job storage answers: one count of the recurring jobs' set (a single small query in PostgreSQL).</summary>
internal sealed class JobStoreHealthCheck(JobStorage storage, ILogger<JobStoreHealthCheck> logger) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = storage.GetConnection();
            var recurring = connection is JobStorageConnection counted
                ? counted.GetSetCount("recurring-jobs")
                : connection.GetAllItemsFromSet("recurring-jobs").Count;
            return Task.FromResult(HealthCheckResult.Healthy($"answers, {recurring} recurring job(s)"));
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var reason = HealthReason.Of(failure);
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return Task.FromResult(HealthCheckResult.Unhealthy(reason));
        }
    }
}
