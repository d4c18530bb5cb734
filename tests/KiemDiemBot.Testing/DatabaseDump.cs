using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace KiemDiemBot.Testing;

/// <summary>One row of a dumped table, every column as text (null stays null).</summary>
public sealed record DumpedRow(string Table, IReadOnlyDictionary<string, string?> Columns)
{
    /// <summary>The row as one line: table name then <c>column=value</c> pairs.</summary>
    public string Text => Table + ": " + string.Join(" | ", Columns.Select(c => c.Key + "=" + (c.Value ?? "NULL")));

    public override string ToString() => Text;
}

/// <summary>
/// Everything a database holds, as someone with full access to it would read it: every row of every table
/// (Hangfire's included), and for SQLite the raw bytes of its files (the database and any journal or WAL),
/// where deleted or overwritten content would still be found unless it was wiped.
/// </summary>
public sealed record DatabaseDump(IReadOnlyList<string> Tables, IReadOnlyList<DumpedRow> Rows, byte[] FileBytes)
{
    /// <summary>The rows of one table.</summary>
    public IEnumerable<DumpedRow> Of(string table) => Rows.Where(r => string.Equals(r.Table, table, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the raw file bytes contain <paramref name="text"/> in UTF-8 (or, for SQLite's UTF-16 option, UTF-16).</summary>
    public bool FileContains(string text) =>
        FileBytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0
        || FileBytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(text)) >= 0;

    /// <summary>
    /// Reads a SQLite database: first checkpoints and truncates the WAL (as stopping the app does), then every
    /// row, then the bytes of the file and of any <c>-wal</c> or <c>-journal</c> beside it.
    /// </summary>
    public static async Task<DatabaseDump> SqliteAsync(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString) { Pooling = false };
        await using (var connection = new SqliteConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        List<string> tables;
        List<DumpedRow> rows;
        await using (var connection = new SqliteConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            tables = await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
            rows = await ReadAllAsync(connection, tables, t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"");
        }
        SqliteConnection.ClearAllPools();
        var file = builder.DataSource;
        using var bytes = new MemoryStream();
        foreach (var path in new[] { file, file + "-wal", file + "-journal", file + "-shm" }.Where(File.Exists))
        {
            await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            await stream.CopyToAsync(bytes);
        }
        return new DatabaseDump(tables, rows, bytes.ToArray());
    }

    /// <summary>Reads every row of every table of a PostgreSQL database, in every schema but the system ones.</summary>
    public static async Task<DatabaseDump> PostgresAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = await ListAsync(
            connection,
            """
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
            ORDER BY 1
            """);
        var rows = await ReadAllAsync(connection, tables, t => t);
        return new DatabaseDump(tables, rows, []);
    }

    /// <summary>The transaction ids (xmin) that wrote the live rows of a PostgreSQL table, optionally only the rows <paramref name="where"/> picks.</summary>
    public static async Task<IReadOnlySet<string>> PostgresXminsAsync(string connectionString, string table, string where = "TRUE")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return (await ListAsync(connection, $"SELECT DISTINCT xmin::text FROM {table} WHERE {where}")).ToHashSet(StringComparer.Ordinal);
    }

    private static async Task<List<string>> ListAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    private static async Task<List<DumpedRow>> ReadAllAsync(DbConnection connection, IEnumerable<string> tables, Func<string, string> quote)
    {
        var rows = new List<DumpedRow>();
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT * FROM " + quote(table);
            await using var reader = await command.ExecuteReaderAsync();
            var name = table.Contains('.', StringComparison.Ordinal) ? table[(table.LastIndexOf('.') + 1)..].Trim('"') : table;
            while (await reader.ReadAsync())
            {
                var columns = new Dictionary<string, string?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    columns[reader.GetName(i)] = reader.IsDBNull(i) ? null : AsText(reader.GetValue(i));
                }
                rows.Add(new DumpedRow(name, columns));
            }
        }
        return rows;
    }

    private static string AsText(object value) => value switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        DateTime time => time.ToString("O", CultureInfo.InvariantCulture),
        DateTimeOffset time => time.ToString("O", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
