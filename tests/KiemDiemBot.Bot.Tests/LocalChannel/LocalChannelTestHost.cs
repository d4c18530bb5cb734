using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>
/// The real host in local mode, listening on a free loopback port, with <see cref="BotEndpointDouble"/> as the
/// bot. <see cref="Http"/> carries the Direct Line secret read from the chat page, as the page's script does;
/// <see cref="Anonymous"/> carries nothing. Pass a database to share it with a later host (a restart).
/// </summary>
internal sealed partial class LocalChannelTestHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase? _ownDatabase;
    private readonly WebApplicationFactory<Program> _factory;

    public LocalChannelTestHost(SqliteTestDatabase? database = null)
    {
        _ownDatabase = database is null ? new SqliteTestDatabase() : null;
        var connectionString = (database ?? _ownDatabase)!.ConnectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("ConnectionStrings:KiemDiem", connectionString);
            web.ConfigureServices(services => services.AddSingleton<IStartupFilter>(Bot));
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
        Secret = SecretMeta().Match(Anonymous.GetStringAsync("/").GetAwaiter().GetResult()).Groups[1].Value;
        Http = new HttpClient { BaseAddress = BaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Secret);
    }

    public BotEndpointDouble Bot { get; } = new();

    public Uri BaseAddress { get; }

    /// <summary>The host's services (for reading its stores directly).</summary>
    public IServiceProvider Services => _factory.Services;

    /// <summary>The Direct Line secret this start put in the chat page.</summary>
    public string Secret { get; }

    /// <summary>A client that sends the secret with every request, as the chat page does.</summary>
    public HttpClient Http { get; }

    /// <summary>A client without any credential, as another web page or program would be.</summary>
    public HttpClient Anonymous { get; }

    /// <summary>POST /v3/directline/conversations; returns the status and the Conversation object.</summary>
    public async Task<(int Status, DirectLineConversation Conversation)> StartAsync(object body)
    {
        using var response = await Http.PostAsJsonAsync("v3/directline/conversations", body, ProtocolJson.Options);
        var conversation = await response.Content.ReadFromJsonAsync<DirectLineConversation>(ProtocolJson.Options);
        return ((int)response.StatusCode, conversation!);
    }

    public Task<(int Status, DirectLineConversation Conversation)> StartPersonalAsync(string email, string name) =>
        StartAsync(new { user = new { id = email, name } });

    /// <summary>Posts a message as this user through Direct Line (with the secret); returns the HTTP response.</summary>
    public Task<HttpResponseMessage> SayAsync(string conversationId, string email, string text) =>
        Http.PostAsJsonAsync(
            $"v3/directline/conversations/{conversationId}/activities",
            new Activity { Type = ActivityTypes.Message, From = new ChannelAccount { Id = email }, Text = text },
            ProtocolJson.Options);

    public async Task<JsonElement> GetActivitiesAsync(string conversationId, string? watermark = null)
    {
        var query = watermark is null ? "" : "?watermark=" + watermark;
        return await Http.GetFromJsonAsync<JsonElement>($"v3/directline/conversations/{conversationId}/activities{query}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Anonymous.Dispose();
        await _factory.DisposeAsync();
        _ownDatabase?.Dispose();
    }

    [GeneratedRegex("""<meta name="directline-secret" content="([^"]+)">""")]
    private static partial Regex SecretMeta();
}
