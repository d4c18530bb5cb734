using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Auth;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Npgsql;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The ballot storm (issue 8): the real host in Teams mode on PostgreSQL, the fake Connector answering after a delay
/// (150 ms, as Teams' does). One cell of <c>--voters</c> official members (1,000); its secretary types "mở phiếu" in
/// the meeting's group chat and opens a ballot of <c>--subjects</c> members (3), every member present; each member
/// gets the ballot card in their personal chat; then all of them cast within <c>--spread</c> (1 s), each the whole
/// ballot in one submit. Checked: every ballot counted exactly once (counters per subject add up to the voters, the
/// votes per level match what was cast, every voter flagged once), every voter got their receipt. Measured: from
/// the last cast accepted to the status card's update showing "Đã bỏ phiếu N/N" at the Connector, and from
/// "đóng phiếu" to the result card.
/// </summary>
/// <remarks><c>dotnet run -c Release --project tests/bench/KiemDiemBot.TurnBench -- ballot-storm [--voters N] [--subjects N] [--delay MS] [--spread MS]</c></remarks>
internal static class BallotStorm
{
    private const string GroupConversationId = "19:ballotstorm0000000000000000@thread.v2";
    private static readonly JsonSerializerOptions Utf8 = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(180);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var voters = Option(args, "--voters", 1000);
        var subjectCount = Option(args, "--subjects", 3);
        var delay = TimeSpan.FromMilliseconds(Option(args, "--delay", 150));
        var spread = TimeSpan.FromMilliseconds(Option(args, "--spread", 1000));
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)))
        {
            Console.Error.WriteLine($"{PostgresTestDatabase.ServerVariable} is not set: start a cluster with 'bash tests/tools/postgres.sh start DIR' and export what it prints.");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Ballot storm: {Environment.ProcessorCount} cores; {voters} voters, {subjectCount} subjects, Connector {delay.TotalMilliseconds} ms, casts spread over {spread.TotalMilliseconds} ms."));

        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.PostgreSQL, TimeProvider.System);
        await HostMigration.RunAsync(storage.ConnectionString);
        var members = Enumerable.Range(0, voters).Select(BenchMember.Create).ToList();
        IReadOnlyList<Guid> memberIds;
        await using (var scope = storage.CreateScope())
        {
            (_, memberIds) = await BallotRoster.SeedCellAsync(scope.ServiceProvider, "Chi bộ Bỏ phiếu Nhanh",
                [.. members.Select(m => (m.Email, "Đảng viên " + m.Index.ToString(CultureInfo.InvariantCulture), m.ObjectId))]);
        }

        await using var issuer = await TestTokenIssuer.StartAsync();
        var channelKey = issuer.PublishKey(TestTokenIssuer.TeamsChannel);
        var entra = new FakeEntraId(BotUnderTest.AppId, BotUnderTest.AppSecret);
        await using var connector = await BenchConnector.StartAsync(entra);
        await using var bot = BotUnderTest.Start(BotUnderTest.Settings(storage.ConnectionString, issuer.MetadataUrl, new Dictionary<string, string>()), entra);
        using var poster = new ActivityPoster();
        var token = TestTokenIssuer.CreateToken(TestTokenIssuer.Rs256(channelKey), BotUnderTest.AppId, connector.ServiceUrl, DateTimeOffset.UtcNow);
        var endpoint = new Uri(bot.BaseAddress, "api/messages");

        // Every member installs the bot (their personal chat becomes reachable); not measured.
        var sessions = members.Select(m => new FlowSession(m, poster, endpoint, token, connector)).ToList();
        var installed = 0;
        await Parallel.ForEachAsync(sessions, new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = cancellationToken }, async (session, ct) =>
        {
            if (await session.InstallAsync(ct))
            {
                Interlocked.Increment(ref installed);
            }
        });
        if (installed != voters)
        {
            Console.Error.WriteLine($"Only {installed} of {voters} members got the welcome.");
            return 1;
        }

        connector.Delay = delay;
        var calls = new ConcurrentQueue<ConnectorCall>();
        connector.Observer = calls.Enqueue;
        var secretary = members[0];
        var subjects = memberIds.Skip(1).Take(subjectCount).ToList();

        // "mở phiếu" and the setup card with only the chosen subjects ticked (everyone present, as proposed).
        var setup = await GroupTurnAsync(poster, endpoint, token, connector, Group(secretary, connector.ServiceUrl, "<at>KiemDiemBot</at> mở phiếu", null, null), cancellationToken);
        var setupCard = Card(setup.Body);
        var value = (JsonObject)SubmitData(setupCard, "flow.submit").DeepClone();
        foreach (var id in memberIds.Where(id => !subjects.Contains(id)))
        {
            value["m." + id.ToString("N")] = "false";
        }
        var opened = await GroupTurnAsync(poster, endpoint, token, connector, Group(secretary, connector.ServiceUrl, null, value, setup.Id), cancellationToken);
        var statusCardId = opened.Id;
        Console.WriteLine("Status card: " + Text(opened.Body, "Đã bỏ phiếu"));

        // Each voter's ballot card, as it reached the Connector.
        var ballots = new Dictionary<string, (string CardId, string BallotId)>(StringComparer.Ordinal);
        var waitCards = Stopwatch.StartNew();
        var personal = members.Select(m => m.ConversationId).ToHashSet(StringComparer.Ordinal);
        while (ballots.Count < voters)
        {
            while (calls.TryDequeue(out var call))
            {
                if (!call.IsUpdate && personal.Contains(call.ConversationId) && Encoding.UTF8.GetString(call.Body).Contains("ballot.cast", StringComparison.Ordinal))
                {
                    var data = SubmitData(Card(call.Body), "ballot.cast");
                    ballots[call.ConversationId] = (call.Id, (string)data["ballot"]!);
                }
            }
            if (waitCards.Elapsed > WaitLimit)
            {
                Console.Error.WriteLine($"Only {ballots.Count} of {voters} ballot cards reached the Connector.");
                return 1;
            }
            await Task.Delay(20, cancellationToken);
        }
        var ballotId = ballots.Values.Select(b => b.BallotId).Distinct().Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{voters} ballot cards delivered in {waitCards.Elapsed.TotalSeconds:F1} s after opening."));

        // The storm: voter i casts at i × spread / voters, each choosing level ((i + j) mod 4) + 1 for subject j.
        var expected = subjects.ToDictionary(s => s, _ => new int[5]);
        var accepted = new long[voters];
        var failures = 0;
        var stormStart = Stopwatch.GetTimestamp();
        await Task.WhenAll(members.Select(async member =>
        {
            var i = member.Index;
            var wait = TimeSpan.FromTicks(spread.Ticks * i / voters) - Stopwatch.GetElapsedTime(stormStart);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var (cardId, _) = ballots[member.ConversationId];
            var cast = new JsonObject { ["verb"] = "ballot.cast", ["cardVersion"] = 1, ["ballot"] = ballotId };
            for (var j = 0; j < subjects.Count; j++)
            {
                cast["s." + subjects[j].ToString("N")] = (((i + j) % 4) + 1).ToString(CultureInfo.InvariantCulture);
            }
            var activityId = BenchMember.NewActivityId();
            var status = await poster.PostAsync(endpoint, member.Submit(activityId, connector.ServiceUrl, cast, cardId), token, cancellationToken);
            accepted[i] = Stopwatch.GetTimestamp();
            if (status != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
            }
        }));
        for (var i = 0; i < voters; i++)
        {
            for (var j = 0; j < subjects.Count; j++)
            {
                expected[subjects[j]][((i + j) % 4) + 1]++;
            }
        }
        var lastCast = accepted.Max();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{voters - failures} of {voters} casts accepted (HTTP 200) within {Stopwatch.GetElapsedTime(stormStart, lastCast).TotalMilliseconds:F0} ms."));

        // Until the status card shows N/N and every voter has their receipt.
        var final = "Đã bỏ phiếu " + voters.ToString(CultureInfo.InvariantCulture) + "/" + voters.ToString(CultureInfo.InvariantCulture);
        long? finalCount = null;
        var receipts = new HashSet<string>(StringComparer.Ordinal);
        var statusUpdates = 0;
        var waitFinal = Stopwatch.StartNew();
        while (finalCount is null || receipts.Count < voters)
        {
            while (calls.TryDequeue(out var call))
            {
                var text = Encoding.UTF8.GetString(call.Body);
                if (call.IsUpdate && call.ConversationId == GroupConversationId && call.Id == statusCardId)
                {
                    statusUpdates++;
                    if (finalCount is null && text.Contains(final, StringComparison.Ordinal))
                    {
                        finalCount = call.ArrivedAt;
                    }
                }
                else if (call.IsUpdate && personal.Contains(call.ConversationId) && text.Contains("Đã nhận phiếu", StringComparison.Ordinal))
                {
                    receipts.Add(call.ConversationId);
                }
            }
            if (waitFinal.Elapsed > WaitLimit)
            {
                Console.Error.WriteLine($"After {WaitLimit.TotalSeconds} s: final count {(finalCount is null ? "not shown" : "shown")}, {receipts.Count} of {voters} receipts.");
                break;
            }
            await Task.Delay(5, cancellationToken);
        }

        // Counted exactly once: straight from the database.
        var (perSubject, flagged, castOnBallot) = await CountsAsync(storage.ConnectionString, Guid.Parse(ballotId));
        var lost = 0;
        var doubled = 0;
        foreach (var subject in subjects)
        {
            for (var level = 1; level <= 4; level++)
            {
                var counted = perSubject.GetValueOrDefault((subject, level));
                lost += Math.Max(0, expected[subject][level] - counted);
                doubled += Math.Max(0, counted - expected[subject][level]);
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Counters per subject: {string.Join(", ", subjects.Select(s => Enumerable.Range(1, 4).Sum(l => perSubject.GetValueOrDefault((s, l)))))} (expected {voters} each); votes lost {lost}, doubled {doubled}; voters flagged {flagged}; ballot's cast count {castOnBallot}; receipts {receipts.Count}; status card updates {statusUpdates}."));
        if (finalCount is { } shown)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Last cast accepted -> status card showing \"{final}\": {Stopwatch.GetElapsedTime(lastCast, shown).TotalMilliseconds:F0} ms (from the first cast: {Stopwatch.GetElapsedTime(stormStart, shown).TotalMilliseconds:F0} ms)."));
        }

        // "đóng phiếu" -> the result card.
        var closeStart = Stopwatch.GetTimestamp();
        var result = await GroupTurnAsync(poster, endpoint, token, connector, Group(secretary, connector.ServiceUrl, "<at>KiemDiemBot</at> đóng phiếu", null, null), cancellationToken);
        var isResult = Encoding.UTF8.GetString(result.Body).Contains("Kết quả bỏ phiếu xếp loại", StringComparison.Ordinal);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"\"đóng phiếu\" -> {(isResult ? "the result card" : "a reply that is not the result card")}: {Stopwatch.GetElapsedTime(closeStart, result.ArrivedAt).TotalMilliseconds:F0} ms."));
        var sound = failures == 0 && lost == 0 && doubled == 0 && flagged == voters && castOnBallot == voters && receipts.Count == voters && finalCount is not null && isResult;
        Console.WriteLine(sound ? "Every ballot counted exactly once." : "NOT SOUND: see above.");
        return sound ? 0 : 1;
    }

    private static async Task<ConnectorReply> GroupTurnAsync(ActivityPoster poster, Uri endpoint, string token, BenchConnector connector, (string Id, byte[] Body) activity, CancellationToken cancellationToken)
    {
        var (_, _, reply, failure) = await TurnExchange.RunAsync(poster, endpoint, token, connector, GroupConversationId, activity.Id, activity.Body, cancellationToken);
        return reply ?? throw new InvalidOperationException("The group chat got no reply: " + failure);
    }

    /// <summary>What Teams posts when the member writes (mentioning the bot) or presses a card's button in the meeting's group chat.</summary>
    private static (string Id, byte[] Body) Group(BenchMember member, string serviceUrl, string? text, JsonObject? value, string? replyToId)
    {
        var id = BenchMember.NewActivityId();
        var activity = new JsonObject
        {
            ["type"] = "message",
            ["id"] = id,
            ["channelId"] = "msteams",
            ["serviceUrl"] = serviceUrl,
            ["timestamp"] = "2026-03-02T01:00:00.000Z",
            ["from"] = new JsonObject { ["id"] = member.UserId, ["name"] = "Đảng viên 0", ["aadObjectId"] = member.ObjectId.ToString("D") },
            ["recipient"] = new JsonObject { ["id"] = "28:" + BotUnderTest.AppId, ["name"] = "KiemDiemBot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = GroupConversationId,
                ["conversationType"] = "groupChat",
                ["isGroup"] = true,
                ["tenantId"] = BotUnderTest.TenantId,
            },
            ["locale"] = "vi-VN",
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = BotUnderTest.TenantId } },
        };
        if (text is not null)
        {
            activity["text"] = text;
            activity["entities"] = new JsonArray(new JsonObject
            {
                ["type"] = "mention",
                ["text"] = "<at>KiemDiemBot</at>",
                ["mentioned"] = new JsonObject { ["id"] = "28:" + BotUnderTest.AppId, ["name"] = "KiemDiemBot" },
            });
        }
        if (value is not null)
        {
            activity["value"] = value;
            activity["replyToId"] = replyToId;
        }
        return (id, JsonSerializer.SerializeToUtf8Bytes(activity, Utf8));
    }

    private static JsonObject Card(byte[] body) =>
        (JsonObject)JsonNode.Parse(body)!["attachments"]![0]!["content"]!;

    /// <summary>The data of the card's first Action.Submit with this verb.</summary>
    private static JsonObject SubmitData(JsonNode card, string verb) =>
        Find(card, verb) ?? throw new InvalidOperationException($"No button with verb {verb} on the card.");

    private static JsonObject? Find(JsonNode? node, string verb) => node switch
    {
        JsonObject obj when (string?)obj["type"] == "Action.Submit" && obj["data"] is JsonObject data && (string?)data["verb"] == verb => data,
        JsonObject obj => obj.Select(p => Find(p.Value, verb)).FirstOrDefault(found => found is not null),
        JsonArray array => array.Select(child => Find(child, verb)).FirstOrDefault(found => found is not null),
        _ => null,
    };

    private static string Text(byte[] body, string containing)
    {
        var text = Encoding.UTF8.GetString(body);
        var at = text.IndexOf(containing, StringComparison.Ordinal);
        return at < 0 ? "(not found)" : text.Substring(at, Math.Min(40, text.Length - at)).Split('"')[0];
    }

    private static async Task<(Dictionary<(Guid Subject, int Level), int> PerSubject, long Flagged, int Cast)> CountsAsync(string connectionString, Guid ballotId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var perSubject = new Dictionary<(Guid, int), int>();
        await using (var command = new NpgsqlCommand("SELECT subject_id, choice, SUM(votes)::int FROM ballot_counters WHERE ballot_id = @b GROUP BY subject_id, choice", connection))
        {
            command.Parameters.AddWithValue("b", ballotId);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                perSubject[(reader.GetGuid(0), reader.GetInt16(1))] = reader.GetInt32(2);
            }
        }
        await using var flagged = new NpgsqlCommand("SELECT COUNT(*) FROM ballot_voters WHERE ballot_id = @b AND has_cast", connection);
        flagged.Parameters.AddWithValue("b", ballotId);
        await using var cast = new NpgsqlCommand("SELECT \"cast\" FROM ballots WHERE id = @b", connection);
        cast.Parameters.AddWithValue("b", ballotId);
        return (perSubject, (long)(await flagged.ExecuteScalarAsync())!, (int)(await cast.ExecuteScalarAsync())!);
    }

    private static int Option(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return int.Parse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture);
            }
        }
        return fallback;
    }
}
