using System.Diagnostics;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Hosting;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// The restart guarantee with the real host as its own process on PostgreSQL: a cell of 2,000 members with
/// personal chats, the demo clock set just before the 08:00 reminder 3 working days before their meeting; the
/// Connector (the fake behind a stalling pass-through) stalls after some sends so the host is killed (SIGKILL) in
/// the middle of the fan-out with sends in flight that the Connector has not accepted; started again, every member
/// has exactly one reminder. The same with two instances on one database, one of them killed.
/// </summary>
/// <remarks>
/// The host runs in local mode (no App ID, ASPNETCORE_ENVIRONMENT=Development) against the fake Connector, which
/// then asks for no token: Teams mode would need the fake Entra ID as an https authority (MSAL refuses http),
/// which an in-process handler can be but a child process cannot reach. The send path (outbox, lanes, Connector
/// client, retries) is the same in both modes.
/// </remarks>
public sealed class RestartFanOutTests : IAsyncLifetime
{
    private const int Members = 2_000;
    private const int StallAfter = 700;
    private const string ReminderTitle = "Nhắc viết bản tự kiểm điểm năm 2026";

    /// <summary>Monday 16/03/2026: 3 working days before the cell's meeting on Thursday 19/03 at 08:00.</summary>
    private static readonly DateOnly ReminderDay = new(2026, 3, 16);

    private static readonly DateOnly MeetingDay = new(2026, 3, 19);

    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(4);

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly List<Process> hosts = [];

    [Fact]
    public async Task HostKilledMidFanOut_Restarted_EveryMemberHasExactlyOneReminder()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, new FakeTimeProvider(Seeded));
        await using var fake = await FakeBotConnector.StartAsync(null, TimeProvider.System);
        await using var proxy = await StallingConnectorProxy.StartAsync(fake.ServiceUrl);
        await SeedCellAsync(storage, fake, proxy);
        proxy.StallAfter = StallAfter;

        var first = StartHost(storage);
        await KillWhenStalledAsync(first, storage, fake, proxy);
        proxy.Release();
        StartHost(storage);

        await AssertExactlyOneEachAsync(fake, storage);
    }

    [Fact]
    public async Task TwoInstancesOneKilledMidFanOut_EveryMemberHasExactlyOneReminder()
    {
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, new FakeTimeProvider(Seeded));
        await using var fake = await FakeBotConnector.StartAsync(null, TimeProvider.System);
        await using var proxy = await StallingConnectorProxy.StartAsync(fake.ServiceUrl);
        await SeedCellAsync(storage, fake, proxy);
        proxy.StallAfter = StallAfter;

        var first = StartHost(storage);
        StartHost(storage);
        await KillWhenStalledAsync(first, storage, fake, proxy);
        proxy.Release();

        await AssertExactlyOneEachAsync(fake, storage);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // IAsyncLifetime, not IAsyncDisposable: xunit 2 does not call the latter on a test class, and a host left
    // running would go on polling beside the rest of the suite.
    public async Task DisposeAsync()
    {
        foreach (var host in hosts)
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }
            host.Dispose();
        }
    }

    /// <summary>When the demo organisation and its 2026 cycle are seeded (the clock of the seeding, not of the hosts).</summary>
    private static DateTimeOffset Seeded => WorkingCalendar.ToInstant(new DateOnly(2026, 3, 2), new TimeOnly(8, 0)).ToUniversalTime();

    /// <summary>2,000 members in one cell meeting on <see cref="MeetingDay"/>, each with a stored personal chat whose serviceUrl is the proxy's.</summary>
    private static async Task SeedCellAsync(MigratedStorage storage, FakeBotConnector fake, StallingConnectorProxy proxy)
    {
        var people = Enumerable.Range(0, Members)
            .Select(i => ($"thanhvien{i:D4}@fanout.kiemdiem.vn", $"Nguyễn Văn Thử {i:D4}", Guid.NewGuid()))
            .ToList();
        await using (var scope = storage.CreateScope())
        {
            var (cellId, memberIds) = await BallotRoster.SeedCellAsync(scope.ServiceProvider, "Chi bộ Thử nghiệm Nhắc việc", people);
            var cycleId = (await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None))!.Id;
            await scope.ServiceProvider.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(
                cycleId, cellId, WorkingCalendar.ToInstant(MeetingDay, new TimeOnly(8, 0)), memberIds[0], CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }
        await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (person, cancellationToken) =>
        {
            var conversationId = "a:" + person.Item3.ToString("N");
            fake.AddConversation(conversationId);
            await using var scope = storage.CreateScope();
            await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertNowAsync(new StoredConversationReference(
                "msteams", conversationId, "29:" + person.Item3.ToString("N"), person.Item3.ToString(), "28:kiemdiem", proxy.ServiceUrl,
                OutboundHarness.TenantId, "personal", "vi-VN"), cancellationToken);
        });
    }

    /// <summary>
    /// The kill point: the proxy has let <see cref="StallAfter"/> sends through and holds the next ones, and the
    /// host has recorded as sent every reminder the fake accepted. So what the host was sending when it died had
    /// not reached the Connector, and what had reached it was known to be sent: "exactly one" is then what the
    /// host must achieve, not luck.
    /// </summary>
    private static async Task KillWhenStalledAsync(Process host, MigratedStorage storage, FakeBotConnector fake, StallingConnectorProxy proxy)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(host.HasExited, "The host stopped by itself.");
            var accepted = Reminders(fake).Count;
            var recorded = await SentRemindersAsync(storage);
            Assert.True(waited.Elapsed < Patience,
                $"No stall within {Patience}: {proxy.ForwardedSends} sends forwarded, {proxy.Held} held, {accepted} reminders accepted, {recorded} recorded as sent.");
            // Sends the fake refused (429 at its tenant-wide limit) are not accepted: they are retried, not counted.
            if (proxy.Held > 0 && proxy.ForwardedSends >= StallAfter && recorded == accepted)
            {
                break;
            }
            await Task.Delay(100);
        }
        host.Kill(entireProcessTree: true);
        await host.WaitForExitAsync();
        // Killed in the middle: some reminders accepted (at most the sends let through), the rest not.
        Assert.InRange(Reminders(fake).Count, 1, StallAfter);
    }

    private static async Task AssertExactlyOneEachAsync(FakeBotConnector fake, MigratedStorage storage)
    {
        var waited = Stopwatch.StartNew();
        // Until every reminder is recorded as sent and none is left to send: a duplicate could only come from a row
        // still pending, so after that nothing more can arrive.
        while ((await SentRemindersAsync(storage) < Members || await PendingRemindersAsync(storage) > 0) && waited.Elapsed < Patience)
        {
            await Task.Delay(250);
        }
        var perMember = Reminders(fake).GroupBy(a => a.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(Members, perMember.Count);
        Assert.All(perMember, entry => Assert.Equal(1, entry.Value));
    }

    private static List<ReceivedActivity> Reminders(FakeBotConnector fake) =>
        [.. fake.Activities.Where(a => a.Raw.ToJsonString(Readable).Contains(ReminderTitle, StringComparison.Ordinal))];

    /// <summary>Reminder messages still waiting in the outbox.</summary>
    private static async Task<long> PendingRemindersAsync(MigratedStorage storage)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbound_activities WHERE dedupe_key LIKE 'remind:%' AND status = 0", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reminder messages the hosts recorded as sent (the outbox), read straight from the database.</summary>
    private static async Task<long> SentRemindersAsync(MigratedStorage storage)
    {
        await using var connection = new NpgsqlConnection(storage.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbound_activities WHERE dedupe_key LIKE 'remind:%' AND status = 1", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Process StartHost(MigratedStorage storage)
    {
        var process = BotProcess.Start(["--urls", $"http://127.0.0.1:{FreePort()}"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Storage__Provider"] = "PostgreSQL",
            ["ConnectionStrings__KiemDiem"] = storage.ConnectionString,
            ["Bot__ConnectorHosts__0"] = "127.0.0.1",
            // The reminder moment: the tick each host triggers as it starts finds it due.
            ["Scheduler__Now"] = ReminderDay.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T08:00:00+07:00",
            // A killed instance's conversations go to another after this long (the default is a minute).
            ["Turns__Deadline"] = "00:00:10",
            ["Turns__LeaseDuration"] = "00:00:15",
        });
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        hosts.Add(process);
        return process;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
