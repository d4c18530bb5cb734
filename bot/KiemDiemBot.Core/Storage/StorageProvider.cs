namespace KiemDiemBot.Core.Storage;

/// <summary>Which database holds the bot's data.</summary>
public enum StorageProvider
{
    /// <summary>The embedded default: a SQLite file under <c>data/</c>, migrated at start.</summary>
    Sqlite,

    /// <summary>Production: PostgreSQL, migrated by the explicit <c>migrate</c> command.</summary>
    PostgreSQL,
}
