using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static KiemDiemBot.Core.Tests.Ballots.BallotHarness;

namespace KiemDiemBot.Core.Tests.Ballots;

/// <summary>What the storage keeps of a closed ballot that could link a voter to a choice: on PostgreSQL the rows' xmin, on SQLite freed pages and the write-ahead log.</summary>
public sealed class BallotStorageSecrecyTests
{
    [Fact]
    public async Task CloseAsync_PostgreSql_EveryVoterAndCounterRowCarriesTheClosingTransactionsXmin()
    {
        await using var storage = await StorageFixture.CreateAsync(StorageProvider.PostgreSQL);
        var harness = await CreateAsync(storage);
        Guid[] subjects = [harness.A[2], harness.A[3]];
        var opened = await harness.OpenAsync(subjects);
        var ballotId = opened.Ballot.BallotId;
        await harness.CastAllAsync(ballotId, harness.OfficialA, BallotHarness.Ballots(subjects, Levels(2, 1, 1, 0), Levels(1, 2, 1, 0)));
        var connectionString = await harness.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var whileOpen = await XminsAsync(connectionString, "ballot_voters", ballotId);
        // While open, each cast's transaction is visible on the rows it wrote: this is what the close removes.
        Assert.True(whileOpen.Count >= 5);

        await harness.CloseAsync(ballotId);

        var voters = await XminsAsync(connectionString, "ballot_voters", ballotId);
        var counters = await XminsAsync(connectionString, "ballot_counters", ballotId);
        var ballot = await XminsAsync(connectionString, "ballots", ballotId, "id");
        Assert.Single(voters);
        Assert.Equal(voters, counters);
        Assert.Equal(voters, ballot);
    }

    [Fact]
    public async Task CloseAsync_Sqlite_SecureDeleteOnAndTheWriteAheadLogTruncated()
    {
        await using var storage = await StorageFixture.CreateAsync(StorageProvider.Sqlite);
        var harness = await CreateAsync(storage);
        var opened = await harness.OpenAsync([harness.A[2]]);
        var connectionString = await harness.QueryAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var walPath = new SqliteConnectionStringBuilder(connectionString).DataSource + "-wal";
        // Another connection stays open, so SQLite does not remove the log when the bot's last connection closes.
        await using var bystander = new SqliteConnection(connectionString);
        await bystander.OpenAsync();
        await using (var read = bystander.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM ballots";
            await read.ExecuteScalarAsync();
        }
        await harness.CastAllAsync(opened.Ballot.BallotId, harness.OfficialA, BallotHarness.Ballots([harness.A[2]], Levels(3, 3, 0, 0)));
        Assert.True(new FileInfo(walPath).Length > 0);

        await harness.CloseAsync(opened.Ballot.BallotId);

        Assert.Equal(0, new FileInfo(walPath).Length);
        var secureDelete = await harness.QueryAsync(async db =>
        {
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA secure_delete;";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        });
        Assert.Equal(1, secureDelete);
    }

    private static async Task<HashSet<string>> XminsAsync(string connectionString, string table, Guid ballotId, string column = "ballot_id")
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT xmin::text FROM {table} WHERE {column} = @id", connection);
        command.Parameters.AddWithValue("id", ballotId);
        var xmins = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            xmins.Add(reader.GetString(0));
        }
        return xmins;
    }
}
