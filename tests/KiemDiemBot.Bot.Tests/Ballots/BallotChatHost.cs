using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Ballots;

/// <summary>
/// The whole bot as a person runs it on a laptop: the real host in local mode (Kestrel on loopback, every dialog
/// the app registers, the local channel playing Teams), on a database the test owns (SQLite or PostgreSQL, so it
/// can be dumped after the host stops), with the ballot scenario's roster beside the demo organisation. People
/// speak through Direct Line with the page's secret, as Web Chat does. Every log line, down to Debug, is kept in
/// <see cref="Logs"/>.
/// </summary>
public sealed partial class BallotChatHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> factory;
    private bool disposed;

    private BallotChatHost(WebApplicationFactory<Program> factory, RecordingLoggerProvider logs, HttpClient http, BallotCommittee roster)
    {
        this.factory = factory;
        Logs = logs;
        Http = http;
        Roster = roster;
    }

    /// <summary>The committee, its cells and people (see <see cref="BallotRoster"/>).</summary>
    public BallotCommittee Roster { get; }

    /// <summary>Every log line the host wrote, at every level.</summary>
    public RecordingLoggerProvider Logs { get; }

    /// <summary>A client carrying the page's Direct Line secret.</summary>
    public HttpClient Http { get; }

    public IServiceProvider Services => factory.Services;

    public static async Task<BallotChatHost> StartAsync(MigratedStorage storage, int smallCellVoters = 5)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var logs = new RecordingLoggerProvider();
        var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("Storage:Provider", storage.Provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", storage.ConnectionString);
            web.UseSetting("Logging:LogLevel:Default", "Debug");
            web.UseSetting("Logging:LogLevel:Microsoft", "Debug");
            web.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(logs));
        });
        factory.UseKestrel();
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.TrimEnd('/') + "/");
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        var secret = SecretMeta().Match(await anonymous.GetStringAsync("/")).Groups[1].Value;
        var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        var roster = await BallotRoster.SeedAsync(factory.Services, smallCellVoters);
        return new BallotChatHost(factory, logs, http, roster);
    }

    /// <summary>The person's personal chat with the bot, opened as the chat page opens it (the bot greets them there).</summary>
    public async Task<DirectLineChat> PersonalChatAsync(BallotPerson person)
    {
        var id = await StartAsync(new JsonObject { ["user"] = new JsonObject { ["id"] = person.Email, ["name"] = person.FullName } });
        var chat = new DirectLineChat(Http, id, isGroup: false);
        // The welcome is sent after the turn that stored the personal chat committed: from then on the member is
        // reachable, so a ballot opened next sends them their card (on a loaded machine that turn can lag the start).
        await chat.WaitForTextAsync("Xin chào đồng chí");
        return chat;
    }

    /// <summary>The group chat of this name, joined by each of <paramref name="people"/> (all share one conversation).</summary>
    public async Task<DirectLineChat> GroupChatAsync(string name, IEnumerable<BallotPerson> people)
    {
        string? id = null;
        foreach (var person in people)
        {
            id = await StartAsync(new JsonObject { ["group"] = name, ["user"] = new JsonObject { ["id"] = person.Email, ["name"] = person.FullName } });
        }
        return new DirectLineChat(Http, id ?? throw new ArgumentException("A group chat needs someone in it.", nameof(people)), isGroup: true);
    }

    /// <summary>Runs <paramref name="work"/> in a scope of the host, as a turn would (reads only: nothing is committed).</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Stops the host (its connections closed, SQLite's WAL checkpointed), so its database can be read as a file.</summary>
    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }
        disposed = true;
        Http.Dispose();
        await factory.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    private async Task<string> StartAsync(JsonObject body)
    {
        using var response = await Http.PostAsJsonAsync("v3/directline/conversations", body);
        response.EnsureSuccessStatusCode();
        var conversation = await response.Content.ReadFromJsonAsync<JsonObject>();
        return (string?)conversation?["conversationId"] ?? throw new InvalidOperationException("Direct Line answered no conversation id.");
    }

    [GeneratedRegex("""<meta name="directline-secret" content="([^"]+)">""")]
    private static partial Regex SecretMeta();
}
