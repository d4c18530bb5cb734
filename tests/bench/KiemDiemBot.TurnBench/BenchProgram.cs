using System.Globalization;
using KiemDiemBot.Bot.Tests.Auth;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The turn pipeline benchmark (issues 6 and 7): members going through the sample flow, or writing their self-review, with the whole host in Teams mode
/// (token check, inbox, lanes, identity, flow state, outbox, Connector client) on PostgreSQL, at several member
/// counts and Connector delays, beside a bare endpoint that parses the same JSON and writes one row. Everything
/// runs in this process, on loopback.
/// </summary>
/// <remarks>
/// <c>dotnet run -c Release --project tests/bench/KiemDiemBot.TurnBench [-- options]</c> (or <c>-- ballot-storm</c>, see <see cref="BallotStorm"/>) with
/// KIEMDIEM_TEST_POSTGRES set (tests/tools/postgres.sh); options in <see cref="BenchSettings"/>.
/// </remarks>
internal static class BenchProgram
{
    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // Stop the runs, then dispose as usual, so the bench's databases are dropped.
            e.Cancel = true;
            stop.Cancel();
        };
        try
        {
            if (args is ["ballot-storm", .. var stormArgs])
            {
                return await BallotStorm.RunAsync(stormArgs, stop.Token);
            }
            return await RunAsync(BenchSettings.Parse(args), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            Console.Error.WriteLine("Stopped.");
            return 130;
        }
    }

    private static async Task<int> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)))
        {
            Console.Error.WriteLine($"{PostgresTestDatabase.ServerVariable} is not set: start a cluster with 'bash tests/tools/postgres.sh start DIR' and export what it prints.");
            return 2;
        }
        var memberCount = settings.MemberCounts.Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores; members {string.Join(", ", settings.MemberCounts)}; Connector delays {string.Join(", ", settings.ConnectorDelays.Select(d => d.TotalMilliseconds + " ms"))}; warm-up {settings.WarmUp.TotalSeconds} s; measured {settings.Measured.TotalSeconds} s per run."));

        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        var connectionString = WithOptions(storage.ConnectionString, settings.NpgsqlOptions);
        await HostMigration.RunAsync(connectionString);
        await using (var scope = storage.CreateScope())
        {
            await BenchMember.EnrolAsync(scope.ServiceProvider, memberCount);
            if (settings.SelfReview)
            {
                // The self-review belongs to the open cycle; no meeting is set, so nothing is locked.
                await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().OpenAsync(
                    DateTime.UtcNow.Year, RuleSetCatalog.Codes[0], new Dictionary<DeadlineKind, DateOnly>(), "bench", cancellationToken);
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
            }
        }

        await using var issuer = await TestTokenIssuer.StartAsync();
        var channelKey = issuer.PublishKey(TestTokenIssuer.TeamsChannel);
        var entra = new FakeEntraId(BotUnderTest.AppId, BotUnderTest.AppSecret);
        await using var connector = await BenchConnector.StartAsync(entra);
        var hostSettings = BotUnderTest.Settings(connectionString, issuer.MetadataUrl, settings.HostSettings);
        await using var bot = BotUnderTest.Start(hostSettings, entra);
        await using var bareDatabase = await PostgresTestDatabase.CreateAsync();
        await using var bare = await BareEndpoint.StartAsync(WithOptions(bareDatabase.ConnectionString, settings.NpgsqlOptions));
        var cpu = await CpuMeter.StartAsync(bareDatabase.ConnectionString);
        Console.WriteLine("Host settings: " + string.Join("; ", hostSettings
            .Where(s => !s.Key.Contains("Password", StringComparison.OrdinalIgnoreCase) && !s.Key.StartsWith("ConnectionStrings", StringComparison.OrdinalIgnoreCase))
            .Select(s => $"{s.Key}={s.Value}")));
        if (settings.NpgsqlOptions.Length > 0)
        {
            Console.WriteLine("Npgsql options (host and bare endpoint): " + settings.NpgsqlOptions);
        }

        using var poster = new ActivityPoster();
        // One channel token for every request, as the Bot Connector reuses its token until it nears expiry.
        var token = TestTokenIssuer.CreateToken(TestTokenIssuer.Rs256(channelKey), BotUnderTest.AppId, connector.ServiceUrl, DateTimeOffset.UtcNow);
        var members = Enumerable.Range(0, memberCount).Select(BenchMember.Create).ToList();
        var endpoint = new Uri(bot.BaseAddress, "api/messages");
        List<IMemberSession> flows = settings.SelfReview
            ? [.. members.Select(member => new SelfReviewSession(member, poster, endpoint, token, connector))]
            : [.. members.Select(member => new FlowSession(member, poster, endpoint, token, connector))];
        Console.WriteLine(settings.SelfReview ? "Members write their self-review." : "Members go through the sample flow.");
        if (!await InstallAsync(flows, cancellationToken))
        {
            return 1;
        }

        var table = new ResultTable();
        foreach (var count in settings.MemberCounts)
        {
            var bareResult = await LoadRun.RunAsync(
                "bare endpoint",
                [.. members.Take(count).Select(member => new BareSession(member, poster, new Uri(bare.BaseAddress, "api/messages"), token, connector.ServiceUrl))],
                settings.WarmUp, settings.Measured, cpu, cancellationToken);
            Console.WriteLine(ResultTable.Line("bare endpoint", count, bareResult));
            foreach (var delay in settings.ConnectorDelays)
            {
                connector.Delay = delay;
                var label = string.Create(CultureInfo.InvariantCulture, $"bot, Connector {delay.TotalMilliseconds:F0} ms");
                var botResult = await LoadRun.RunAsync(label, [.. flows.Take(count)], settings.WarmUp, settings.Measured, cpu, cancellationToken);
                Console.WriteLine(ResultTable.Line(label, count, botResult));
                table.Add(count, delay, botResult, bareResult);
            }
        }
        if (connector.Refused > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"The fake Connector refused {connector.Refused} calls (bad token or path)."));
        }
        Console.WriteLine();
        Console.WriteLine(table.ToMarkdown());
        return 0;
    }

    /// <summary>Installs the bot for every member, as Teams announces it, and waits for each welcome (not measured).</summary>
    private static async Task<bool> InstallAsync(IReadOnlyList<IMemberSession> flows, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        var installed = 0;
        await Parallel.ForEachAsync(flows, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (flow, cancellationToken) =>
        {
            if (await flow.InstallAsync(cancellationToken))
            {
                Interlocked.Increment(ref installed);
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Installed the bot for {installed} of {flows.Count} members in {TimeProvider.System.GetElapsedTime(started).TotalSeconds:F1} s (not measured)."));
        if (installed != flows.Count)
        {
            Console.Error.WriteLine("Some members got no welcome: the host is not answering (its warnings and errors are above).");
            return false;
        }
        return true;
    }

    private static string WithOptions(string connectionString, string options) =>
        options.Length == 0 ? connectionString : new NpgsqlConnectionStringBuilder(connectionString + ";" + options).ConnectionString;
}
