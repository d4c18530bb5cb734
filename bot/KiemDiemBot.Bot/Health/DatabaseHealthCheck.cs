using System.Data.Common;
using KiemDiemBot.Core.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace KiemDiemBot.Bot.Health;

/// <summary>
/// The database answers (a connection opened and <c>SELECT 1</c>, so a refused login or a dropped database is told as
/// such) and, unless <c>reachableOnly</c> (readiness), its schema is the code's: one query of the migrations history.
/// </summary>
internal sealed class DatabaseHealthCheck(StorageOptions storage, IServiceScopeFactory scopes, ILogger<DatabaseHealthCheck> logger, bool reachableOnly = false) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<string> pending = [];
        try
        {
            await using (var connection = Connect())
            {
                await connection.OpenAsync(cancellationToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(cancellationToken);
            }
            if (!reachableOnly)
            {
                await using var scope = scopes.CreateAsyncScope();
                pending = await scope.ServiceProvider.GetRequiredService<IDatabaseMigrator>().GetPendingMigrationsAsync(cancellationToken);
            }
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            var reason = HealthReason.Of(failure);
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return HealthCheckResult.Unhealthy(reason);
        }
        if (pending.Count > 0)
        {
            var reason = $"{pending.Count} migration(s) not applied: run migrate";
            HealthLog.CheckFailed(logger, context.Registration.Name, reason);
            return HealthCheckResult.Unhealthy(reason);
        }
        return HealthCheckResult.Healthy(reachableOnly ? "reachable" : "reachable, schema up to date");
    }

    private DbConnection Connect() => storage.Provider == StorageProvider.PostgreSQL
        ? new NpgsqlConnection(storage.ResolveConnectionString())
        : new SqliteConnection(storage.ResolveConnectionString());
}
