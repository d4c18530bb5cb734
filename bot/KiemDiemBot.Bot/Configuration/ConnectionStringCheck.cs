using KiemDiemBot.Core.Storage;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// <c>ConnectionStrings:KiemDiem</c> read by the chosen provider's own parser, so a typo in a keyword or a value
/// stops the start with the key named instead of a stack trace from the first query. Problems never repeat the
/// connection string or the parser's message (either may carry the password).
/// </summary>
internal static class ConnectionStringCheck
{
    private const string Key = "ConnectionStrings:" + StorageOptions.ConnectionStringName;

    public static IEnumerable<string> Validate(StorageOptions storage)
    {
        if (string.IsNullOrWhiteSpace(storage.ConnectionString))
        {
            if (storage.Provider == StorageProvider.PostgreSQL)
            {
                yield return $"{Key} must be set when {StorageOptions.SectionName}:{nameof(StorageOptions.Provider)} is {StorageProvider.PostgreSQL} (environment variable ConnectionStrings__KiemDiem, e.g. Host=localhost;Database=kiemdiem;Username=kiemdiem;Password=...)";
            }
            yield break;
        }
        if (storage.Provider == StorageProvider.PostgreSQL)
        {
            NpgsqlConnectionStringBuilder? postgres;
            try
            {
                postgres = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
            }
            catch (Exception malformed) when (malformed is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                postgres = null;
            }
            if (postgres is null)
            {
                yield return $"{Key} is not a PostgreSQL connection string Npgsql can read (an unknown keyword or a malformed value; expected e.g. Host=localhost;Database=kiemdiem;Username=kiemdiem;Password=...)";
            }
            else if (string.IsNullOrWhiteSpace(postgres.Host))
            {
                yield return $"{Key} must name the PostgreSQL server (Host=...)";
            }
        }
        else if (storage.Provider == StorageProvider.Sqlite)
        {
            SqliteConnectionStringBuilder? sqlite;
            try
            {
                sqlite = new SqliteConnectionStringBuilder(storage.ConnectionString);
            }
            catch (Exception malformed) when (malformed is ArgumentException or FormatException or InvalidCastException or OverflowException)
            {
                sqlite = null;
            }
            if (sqlite is null)
            {
                yield return $"{Key} is not a SQLite connection string (an unknown keyword or a malformed value; expected e.g. Data Source=data/kiemdiem.db)";
            }
            else if (string.IsNullOrWhiteSpace(sqlite.DataSource))
            {
                yield return $"{Key} must name the SQLite file (Data Source=...)";
            }
        }
    }
}
