namespace KiemDiemBot.Core.Storage;

/// <summary>The <c>Storage</c> section of the settings, with <c>ConnectionStrings:KiemDiem</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";
    public const string ConnectionStringName = "KiemDiem";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>From <c>ConnectionStrings:KiemDiem</c>; for SQLite it defaults to <c>data/kiemdiem.db</c> in the working directory.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The connection string in force, with the SQLite default filled in.</summary>
    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }
        if (Provider == StorageProvider.PostgreSQL)
        {
            throw new InvalidOperationException(
                "ConnectionStrings:KiemDiem must be set when Storage:Provider is PostgreSQL.");
        }
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "data");
        Directory.CreateDirectory(folder);
        return $"Data Source={Path.Combine(folder, "kiemdiem.db")}";
    }
}
