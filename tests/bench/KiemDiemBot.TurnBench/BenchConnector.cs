using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using KiemDiemBot.Bot.Tests.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.TurnBench;

/// <summary>A reply as it reached the Connector: the id the Connector gave it, its JSON, and when it arrived.</summary>
internal sealed record ConnectorReply(string Id, byte[] Body, long ArrivedAt);

/// <summary>Any call the Connector took: a send or reply (the new activity's id) or an update (the updated activity's id).</summary>
internal sealed record ConnectorCall(string ConversationId, string Id, string? ReplyToId, bool IsUpdate, byte[] Body, long ArrivedAt);

/// <summary>
/// Teams' Bot Connector as the bench needs it: Kestrel on 127.0.0.1 under <c>/teams/</c>, bearer tokens issued
/// by <see cref="FakeEntraId"/> (401 otherwise), and each send, reply or update answered as Teams does
/// (201 or 200 with <c>{"id": ...}</c>) after <see cref="Delay"/>. A member waiting for the bot's reply to one of
/// its activities is handed that reply the moment it arrives, before the delay. Only what the bench needs:
/// no rate limits, no member lookups (the members are known by object id), no stored conversations.
/// </summary>
internal sealed class BenchConnector : IAsyncDisposable
{
    private const string PathBase = "/teams/v3/conversations/";

    private readonly WebApplication app;
    private readonly FakeEntraId entra;
    private readonly ConcurrentDictionary<string, Expectation> expected = new(StringComparer.Ordinal);
    private long delayTicks;
    private long nextId = 1_800_000_000_000;
    private int refused;

    private BenchConnector(WebApplication app, FakeEntraId entra)
    {
        this.app = app;
        this.entra = entra;
    }

    /// <summary>The serviceUrl the members' activities carry, with its trailing '/' as Teams sends it.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>How long the Connector takes to answer each call.</summary>
    public TimeSpan Delay
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref delayTicks));
        set => Interlocked.Exchange(ref delayTicks, value.Ticks);
    }

    /// <summary>Told of every call the Connector takes, as it arrives (before the delay).</summary>
    public Action<ConnectorCall>? Observer { get; set; }

    /// <summary>Calls refused (bad token, unknown path): none in a sound run.</summary>
    public int Refused => Volatile.Read(ref refused);

    public static async Task<BenchConnector> StartAsync(FakeEntraId entra)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new BenchConnector(app, entra);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + "/teams/";
        return connector;
    }

    /// <summary>The bot's reply to <paramref name="activityId"/> in the conversation; call before posting the activity.</summary>
    public Task<ConnectorReply> ExpectReply(string conversationId, string activityId)
    {
        var expectation = new Expectation(activityId, new TaskCompletionSource<ConnectorReply>(TaskCreationOptions.RunContinuationsAsynchronously));
        expected[conversationId] = expectation;
        return expectation.Done.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var route = ParseRoute(request.Method, request.Path.Value);
        if (route is null || !IsAuthorized(request.Headers.Authorization.ToString()))
        {
            Interlocked.Increment(ref refused);
            context.Response.StatusCode = route is null ? StatusCodes.Status404NotFound : StatusCodes.Status401Unauthorized;
            return;
        }
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, context.RequestAborted);
        var arrivedAt = Stopwatch.GetTimestamp();
        var id = route.Value.IsUpdate ? route.Value.ActivityId! : Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        if (!route.Value.IsUpdate && route.Value.ActivityId is { } repliedTo
            && expected.TryGetValue(route.Value.ConversationId, out var expectation)
            && expectation.ActivityId == repliedTo
            && expected.TryRemove(new KeyValuePair<string, Expectation>(route.Value.ConversationId, expectation)))
        {
            expectation.Done.TrySetResult(new ConnectorReply(id, body.ToArray(), arrivedAt));
        }
        Observer?.Invoke(new ConnectorCall(route.Value.ConversationId, id, route.Value.IsUpdate ? null : route.Value.ActivityId, route.Value.IsUpdate, body.ToArray(), arrivedAt));
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }
        context.Response.StatusCode = route.Value.IsUpdate ? StatusCodes.Status200OK : StatusCodes.Status201Created;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync("{\"id\":\"" + id + "\"}", context.RequestAborted);
    }

    private bool IsAuthorized(string header) =>
        header.StartsWith("Bearer ", StringComparison.Ordinal) && entra.IsValid(header["Bearer ".Length..]);

    /// <summary>POST conversations/{c}/activities[/{a}] (send, reply) or PUT conversations/{c}/activities/{a} (update).</summary>
    private static (string ConversationId, string? ActivityId, bool IsUpdate)? ParseRoute(string method, string? path)
    {
        if (path is null || !path.StartsWith(PathBase, StringComparison.Ordinal))
        {
            return null;
        }
        var segments = path[PathBase.Length..].Split('/');
        return (method, segments) switch
        {
            ("POST", [var c, "activities"]) => (Uri.UnescapeDataString(c), null, false),
            ("POST", [var c, "activities", var a]) => (Uri.UnescapeDataString(c), Uri.UnescapeDataString(a), false),
            ("PUT", [var c, "activities", var a]) => (Uri.UnescapeDataString(c), Uri.UnescapeDataString(a), true),
            _ => null,
        };
    }

    private sealed record Expectation(string ActivityId, TaskCompletionSource<ConnectorReply> Done);
}
