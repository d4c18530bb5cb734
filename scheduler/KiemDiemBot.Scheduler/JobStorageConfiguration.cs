using Hangfire;
using Hangfire.PostgreSql;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Where Hangfire keeps its jobs: in memory beside the embedded SQLite default (nothing to install),
/// in PostgreSQL beside the production database (jobs survive restarts and are shared by instances). Hangfire
/// never creates its PostgreSQL schema itself: <c>migrate</c> does (<see cref="JobStorageSchema"/>).
/// </summary>
public static class JobStorageConfiguration
{
    public static IGlobalConfiguration UseKiemDiemJobStorage(this IGlobalConfiguration configuration, StorageOptions storage)
    {
        configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings();
        return storage.Provider switch
        {
            StorageProvider.Sqlite => configuration.UseInMemoryStorage(),
            StorageProvider.PostgreSQL => configuration.UsePostgreSqlStorage(
                options => options.UseNpgsqlConnection(storage.ResolveConnectionString()),
                new PostgreSqlStorageOptions { SchemaName = JobStorageSchema.SchemaName, PrepareSchemaIfNecessary = false }),
            _ => throw new InvalidOperationException($"Storage:Provider '{storage.Provider}' has no job storage."),
        };
    }
}
