namespace KiemDiemBot.Testing;

/// <summary>A SQLite database file in a temporary folder, deleted on dispose.</summary>
public sealed class SqliteTestDatabase : IDisposable
{
    private readonly string folder;

    public SqliteTestDatabase()
    {
        folder = Path.Combine(Path.GetTempPath(), "kd-sqlite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        FilePath = Path.Combine(folder, "test.db");
    }

    public string FilePath { get; }

    public string ConnectionString => $"Data Source={FilePath};Pooling=False";

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
