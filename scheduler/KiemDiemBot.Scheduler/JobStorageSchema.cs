using System.Globalization;
using System.Text.RegularExpressions;
using Hangfire.PostgreSql;
using KiemDiemBot.Core.Storage;
using Npgsql;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Hangfire's own tables in PostgreSQL (schema <see cref="SchemaName"/>): installed or brought up to date by
/// the <c>migrate</c> command, never when the host starts (<see cref="JobStorageConfiguration"/> tells
/// Hangfire not to). The in-memory job storage beside SQLite has nothing to install.
/// </summary>
public sealed partial class JobStorageSchema(StorageOptions storage)
{
    public const string SchemaName = "hangfire";

    /// <summary>The schema version the installed Hangfire.PostgreSql brings: its newest install script.</summary>
    public static int RequiredVersion { get; } = typeof(PostgreSqlStorage).Assembly.GetManifestResourceNames()
        .Select(name => InstallScript().Match(name))
        .Where(match => match.Success)
        .Max(match => int.Parse(match.Groups["version"].Value, CultureInfo.InvariantCulture));

    /// <summary>Creates or upgrades the schema; running it again changes nothing.</summary>
    public async Task InstallAsync(CancellationToken cancellationToken)
    {
        if (storage.Provider != StorageProvider.PostgreSQL)
        {
            return;
        }
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Hangfire.PostgreSql's installer: takes a lock, applies the scripts newer than the recorded version.
        PostgreSqlObjectsInstaller.Install(connection, SchemaName);
    }

    /// <summary>True when the schema is installed at <see cref="RequiredVersion"/> or later (always, without PostgreSQL).</summary>
    public async Task<bool> IsCurrentAsync(CancellationToken cancellationToken)
    {
        if (storage.Provider != StorageProvider.PostgreSQL)
        {
            return true;
        }
        await using var connection = new NpgsqlConnection(storage.ResolveConnectionString());
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Two statements: a query naming a table that does not exist fails when it is parsed, whatever its CASE says.
        await using (var exists = new NpgsqlCommand("""SELECT to_regclass('"hangfire"."schema"') IS NOT NULL""", connection))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
            {
                return false;
            }
        }
        await using var version = new NpgsqlCommand("""SELECT max("version") FROM "hangfire"."schema" """, connection);
        return await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int installed && installed >= RequiredVersion;
    }

    [GeneratedRegex(@"\.Install\.v(?<version>\d+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex InstallScript();
}
