using KiemDiemBot.Cards;
using KiemDiemBot.Core.Rules;
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

    /// <summary>
    /// Chi bộ Một's ballot (<see cref="BallotScenarioTests.RunLargeCellAsync"/>) has one unique choice: only voter v4
    /// ranks v5 "Không hoàn thành nhiệm vụ". After the host stops, nothing links v4 to that choice.
    /// </summary>
    [Fact]
    public async Task Dump_AfterACellBallot_NoRecordLinksTheVoterWithAUniqueChoiceToIt()
    {
        IReadOnlyList<Fakes.RecordedLog> logs;
        BallotCell cell;
        string groupId;
        IReadOnlySet<string> castXmins = new HashSet<string>();
        await using (var host = await BallotChatHost.StartAsync(storage!))
        {
            cell = host.Roster.Large;
            var (meeting, _, result) = await BallotScenarioTests.RunLargeCellAsync(host, async ballot =>
            {
                if (provider == StorageProvider.PostgreSQL)
                {
                    // While the ballot is open, the voter's flag and the counters they added carry their cast's transaction id.
                    castXmins = await DatabaseDump.PostgresXminsAsync(storage!.ConnectionString, "ballot_voters", $"member_id = '{cell.Voters[4].Id}'");
                    Assert.NotEmpty(castXmins.Intersect(await DatabaseDump.PostgresXminsAsync(storage.ConnectionString, "ballot_counters", $"subject_id = '{cell.Voters[5].Id}' AND choice = 1")));
                }
            });
            Assert.Equal(1, result.Subjects.Single(s => s.SubjectId == cell.Voters[5].Id).Votes[RankingLevel.NonCompletion]);
            groupId = meeting.Group.ConversationId;
            logs = host.Logs.Entries;
        }

        var dump = await DumpAsync();
        var voter = cell.Voters[4];
        var subject = cell.Voters[5];
        string[] voterMarks =
        [
            voter.Id.ToString("D"), voter.Id.ToString("D").ToUpperInvariant(), voter.Id.ToString("N"), voter.Email, voter.FullName,
            Bot.LocalChannel.LocalConversationIds.Personal(voter.Email),
        ];
        // The choice, as anything could carry it: the submit's fragment, or a card's drop-down for the subject shown with
        // that level picked (a blank ballot card lists every level; it is picked only when a value is set).
        var pickedOnACard = new System.Text.RegularExpressions.Regex(
            "\"id\":\"" + Cards.BallotCard.InputId(subject.Id) + "\"[^{}]*\"choices\":\\[[^\\]]*\\],\"value\":\"1\"");
        bool CarriesTheChoice(string text) =>
            text.Contains(Submitted(subject, RankingLevel.NonCompletion), StringComparison.Ordinal) || pickedOnACard.IsMatch(text);
        Assert.True(CarriesTheChoice("{\"id\":\"" + Cards.BallotCard.InputId(subject.Id) + "\",\"label\":\"6. x\",\"choices\":[{\"title\":\"KHTNV\",\"value\":\"1\"}],\"value\":\"1\"}"));
        string[] levelWords = ["NonCompletion", "KHTNV", "Không hoàn thành nhiệm vụ"];
        // Every choice of every voter, as its submit carried it: none is kept anywhere.
        var submitted = cell.Voters.Append(cell.Probationary!)
            .SelectMany(s => Enum.GetValues<RankingLevel>().Select(level => Submitted(s, level)))
            .ToList();

        Assert.All(dump.Of("inbound_activities"), row => Assert.Equal("{}", row.Columns["payload"]));
        Assert.Equal(["ballot_id", "has_cast", "is_exempt", "is_official", "is_present", "member_id"], dump.Of("ballot_voters").First().Columns.Keys.Order());
        Assert.Equal(["ballot_id", "choice", "source", "subject_id", "votes"], dump.Of("ballot_counters").First().Columns.Keys.Order());
        Assert.DoesNotContain(dump.Rows, row => submitted.Any(fragment => row.Text.Contains(fragment, StringComparison.Ordinal)));
        Assert.DoesNotContain(submitted, fragment => dump.FileContains(fragment));
        Assert.DoesNotContain(logs, log => submitted.Any(fragment => (log.Message + log.Exception).Contains(fragment, StringComparison.Ordinal)));
        // The meeting chat's own transcript shows what everyone in it sees (the setup, the counts, the result): left out.
        var linking = dump.Rows
            .Where(row => !(row.Table == "local_transcript_entries" && row.Columns["conversation_id"] == groupId))
            .Where(row => voterMarks.Any(m => row.Text.Contains(m, StringComparison.OrdinalIgnoreCase)) && CarriesTheChoice(row.Text))
            .Select(row => row.Text)
            .ToList();
        Assert.True(linking.Count == 0, "Rows linking the voter to the choice:\n" + string.Join("\n", linking));
        Assert.DoesNotContain(logs, log => voterMarks.Any(m => (log.Message + log.Exception).Contains(m, StringComparison.OrdinalIgnoreCase))
            && (levelWords.Any(m => (log.Message + log.Exception).Contains(m, StringComparison.Ordinal)) || CarriesTheChoice(log.Message + log.Exception)));
        if (provider == StorageProvider.PostgreSQL)
        {
            // Closing rewrote every voter and counter row: one transaction id on all of them, none of a cast's.
            var voters = await DatabaseDump.PostgresXminsAsync(storage!.ConnectionString, "ballot_voters");
            var counters = await DatabaseDump.PostgresXminsAsync(storage.ConnectionString, "ballot_counters");
            Assert.Single(voters);
            Assert.Equal(voters, counters);
            Assert.Empty(castXmins.Intersect(voters));
        }
    }

    /// <summary>A subject's choice as the ballot card's submit carries it: <c>"s.{id}":"{level}"</c>.</summary>
    private static string Submitted(BallotPerson subject, RankingLevel level) =>
        $"\"{Cards.BallotCard.InputId(subject.Id)}\":\"{(int)level}\"";

    private Task<DatabaseDump> DumpAsync() =>
        provider == StorageProvider.PostgreSQL ? DatabaseDump.PostgresAsync(storage!.ConnectionString) : DatabaseDump.SqliteAsync(storage!.ConnectionString);
}

public sealed class SqliteBallotSecrecyDumpTests() : BallotSecrecyDumpTests(StorageProvider.Sqlite);

public sealed class PostgresBallotSecrecyDumpTests() : BallotSecrecyDumpTests(StorageProvider.PostgreSQL);
