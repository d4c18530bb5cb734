using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Tests.Hosting;
using KiemDiemBot.Core.Demo;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>
/// The real host as its own process on its embedded SQLite database, killed (SIGKILL, no shutdown) in the middle
/// of a burst of messages through its chat channel, then started again: every message the channel accepted is
/// answered. A reply the host had sent but not yet recorded as sent when it died is sent again (STYLE.md: a
/// crash between send and record resends rather than loses; Teams has no idempotency key), so at most one
/// reply per conversation, the one in flight, may arrive twice; no turn runs twice.
/// </summary>
public sealed partial class KillDuringBurstTests : IDisposable
{
    private static readonly string[] Members =
    [
        DemoOrganisation.LeaderEmail, DemoOrganisation.ProbationaryEmail, DemoOrganisation.NewMemberEmail,
        DemoOrganisation.TemporaryMemberEmail, DemoOrganisation.ExemptMemberEmail,
    ];

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("kd-kill-");
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly List<Process> hosts = [];

    [Fact]
    public async Task HostKilledDuringBurst_Restarted_EveryAcceptedMessageAnswered()
    {
        var port = FreePort();
        var accepted = new ConcurrentDictionary<string, ConcurrentBag<string>>();
        var conversations = new Dictionary<string, (string Id, string Token)>();

        var first = StartHost(port);
        var secret = await WaitForPageSecretAsync(port);
        foreach (var email in Members)
        {
            conversations[email] = await StartConversationAsync(port, secret, email);
        }
        using var enough = new CancellationTokenSource();
        var total = 0;
        var burst = Members.Select(email => Task.Run(async () =>
        {
            var (id, token) = conversations[email];
            for (var i = 0; i < 200 && !enough.IsCancellationRequested; i++)
            {
                var posted = await TryPostAsync(port, id, token, email, "tin số " + i);
                if (posted is null)
                {
                    return;
                }
                accepted.GetOrAdd(id, _ => []).Add(posted);
                if (Interlocked.Increment(ref total) == 60)
                {
                    first.Kill(entireProcessTree: true);
                    enough.Cancel();
                }
            }
        })).ToList();
        await Task.WhenAll(burst);
        await first.WaitForExitAsync();

        StartHost(port);
        var restartedSecret = await WaitForPageSecretAsync(port);
        var answers = await WaitForAnswersAsync(port, restartedSecret, conversations.Values.Select(c => c.Id), accepted);

        Assert.True(accepted.Values.Sum(ids => ids.Count) >= 60);
        foreach (var (conversationId, ids) in accepted)
        {
            Assert.All(ids, id => Assert.InRange(answers.GetValueOrDefault((conversationId, id)), 1, 2));
            Assert.True(ids.Count(id => answers[(conversationId, id)] == 2) <= 1, $"More than the in-flight reply was repeated in {conversationId}.");
        }
    }

    public void Dispose()
    {
        // Disposing a Process does not end it: the restarted host would go on running beside the rest of the suite.
        foreach (var host in hosts)
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
                host.WaitForExit();
            }
            host.Dispose();
        }
        http.Dispose();
        folder.Delete(recursive: true);
    }

    private Process StartHost(int port)
    {
        var process = BotProcess.Start(["--urls", $"http://127.0.0.1:{port}"], new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__KiemDiem"] = $"Data Source={Path.Combine(folder.FullName, "kiemdiem.db")}",
        });
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        hosts.Add(process);
        return process;
    }

    private async Task<string> WaitForPageSecretAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                var page = await http.GetStringAsync($"http://127.0.0.1:{port}/");
                return SecretPattern().Match(page).Groups[1].Value;
            }
            catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<(string Id, string Token)> StartConversationAsync(int port, string secret, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/v3/directline/conversations")
        {
            Content = JsonContent.Create(new JsonObject { ["user"] = new JsonObject { ["id"] = email, ["name"] = email } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["conversationId"]!.GetValue<string>(), body["token"]!.GetValue<string>());
    }

    /// <summary>The id Direct Line gave the message, or null when the host did not accept it (it is gone).</summary>
    private async Task<string?> TryPostAsync(int port, string conversationId, string token, string email, string text)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/v3/directline/conversations/{conversationId}/activities")
            {
                Content = JsonContent.Create(new JsonObject { ["type"] = "message", ["from"] = new JsonObject { ["id"] = email }, ["text"] = text }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await http.SendAsync(request);
            return response.StatusCode == HttpStatusCode.OK ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<string>() : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Counts the bot's replies per (conversation, message replied to), until every accepted message has one.</summary>
    private async Task<Dictionary<(string, string), int>> WaitForAnswersAsync(
        int port, string secret, IEnumerable<string> conversationIds, ConcurrentDictionary<string, ConcurrentBag<string>> accepted)
    {
        var expected = accepted.Sum(a => a.Value.Count);
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            Dictionary<(string, string), int> answers = [];
            foreach (var conversationId in conversationIds)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{port}/v3/directline/conversations/{conversationId}/activities");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
                using var response = await http.SendAsync(request);
                var set = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                foreach (var activity in set["activities"]!.AsArray().OfType<JsonObject>())
                {
                    if (activity["from"]?["role"]?.GetValue<string>() == "bot" && activity["replyToId"]?.GetValue<string>() is { } replyTo)
                    {
                        answers[(conversationId, replyTo)] = answers.GetValueOrDefault((conversationId, replyTo)) + 1;
                    }
                }
            }
            var answered = accepted.Sum(a => a.Value.Count(id => answers.ContainsKey((a.Key, id))));
            if (answered >= expected || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                return answers;
            }
            await Task.Delay(250);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("name=\"directline-secret\" content=\"([^\"]+)\"")]
    private static partial Regex SecretPattern();
}
