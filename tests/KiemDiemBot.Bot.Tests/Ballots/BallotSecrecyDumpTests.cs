using KiemDiemBot.Cards;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// What someone with the whole database and every log line could learn after people submitted cards through the
/// local chat page: every row of every table, the SQLite file's bytes once the host has stopped, the local
/// channel's transcripts and the logs, searched for what was submitted.
/// </summary>
public abstract class BallotSecrecyDumpTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedStorage? storage;

    public async Task InitializeAsync() => storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await storage!.DisposeAsync();

    [Fact]
    public async Task Dump_AfterACardSubmitIsHandled_ItsValueIsInNoRowFileTranscriptOrLog()
    {
        var marker = "gia-tri-da-gui-" + Guid.NewGuid().ToString("N");
        IReadOnlyList<Fakes.RecordedLog> logs;
        BallotPerson secretary;
        await using (var host = await BallotChatHost.StartAsync(storage!))
        {
            secretary = host.Roster.Large.Secretary;
            var chat = await host.PersonalChatAsync(secretary);
            await chat.SayAsync(secretary, "tiến độ");
            var progress = await chat.WaitForTextAsync("Tiến độ kiểm điểm");

            await chat.PressAsync(secretary, progress, DirectLineChat.SubmitWithVerb(progress, CardVerbs.ShowCellProgress), new Dictionary<string, string> { ["ghiChu"] = marker });
            await chat.SayAsync(secretary, "trợ giúp");
            await chat.WaitForTextAsync("Các lệnh của KiemDiemBot");
            Assert.DoesNotContain(marker, await chat.RawTranscriptAsync(), StringComparison.Ordinal);
            logs = host.Logs.Entries;
        }

        var dump = await DumpAsync();
        // The search itself works: the secretary's name is on the roster, in a row and (SQLite) in the file.
        Assert.Contains(dump.Rows, row => row.Text.Contains(secretary.FullName, StringComparison.Ordinal));
        Assert.True(provider == StorageProvider.PostgreSQL || dump.FileContains(secretary.FullName));
        Assert.NotEmpty(dump.Of("inbound_activities"));
        Assert.All(dump.Of("inbound_activities"), row => Assert.Equal("{}", row.Columns["payload"]));
        Assert.NotEmpty(dump.Of("local_transcript_entries"));
        Assert.DoesNotContain(dump.Rows, row => row.Text.Contains(marker, StringComparison.Ordinal));
        Assert.False(dump.FileContains(marker), "The SQLite files still hold the submitted value.");
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, log => log.Message.Contains(marker, StringComparison.Ordinal));
    }

    private Task<DatabaseDump> DumpAsync() =>
        provider == StorageProvider.PostgreSQL ? DatabaseDump.PostgresAsync(storage!.ConnectionString) : DatabaseDump.SqliteAsync(storage!.ConnectionString);
}

public sealed class SqliteBallotSecrecyDumpTests() : BallotSecrecyDumpTests(StorageProvider.Sqlite);

public sealed class PostgresBallotSecrecyDumpTests() : BallotSecrecyDumpTests(StorageProvider.PostgreSQL);
