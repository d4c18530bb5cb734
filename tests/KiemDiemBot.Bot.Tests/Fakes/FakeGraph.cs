using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Microsoft Graph as a real HTTP server on 127.0.0.1, under <c>/v1.0</c> like <c>https://graph.microsoft.com/v1.0</c>
/// (give the host <see cref="BaseUrl"/> as <c>Graph:BaseUrl</c>). Every request must carry a bearer token issued by
/// the <see cref="FakeEntraId"/> given at construction (construct that one with scope
/// <c>https://graph.microsoft.com/.default</c>), else 401 <c>InvalidAuthenticationToken</c>. Errors have Graph's shape
/// <c>{"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}</c>. Every request is logged
/// (<see cref="Requests"/>), after which scripted failures (<see cref="FailNext"/>: 429 with Retry-After, 503, any
/// error) are taken by path, before the route answers. An unknown route is answered 400 <c>BadRequest</c> and listed in
/// <see cref="UnhandledRequests"/>.
/// <para>
/// How to add an area (calendar, files, ...): write a class of your own in its own file, e.g.
/// <c>FakeGraphCalendar</c>, whose constructor takes the unstarted <see cref="FakeGraph"/> and calls
/// <see cref="Map"/> for each of its routes (patterns relative to <c>/v1.0</c>, ASP.NET Core route syntax, e.g.
/// <c>"/users/{userId}/events"</c>); keep the area's state in it behind its own lock, answer with
/// <see cref="WriteJsonAsync"/> and <see cref="WriteErrorAsync"/>, and build absolute links (<c>@odata.nextLink</c>,
/// <c>@odata.deltaLink</c>) with <see cref="LinkTo"/>. Then start the server:
/// <code>
/// var graph = new FakeGraph(entra, clock);
/// var directory = new FakeGraphDirectory(graph);
/// var calendar = new FakeGraphCalendar(graph);
/// await graph.StartAsync();
/// </code>
/// </para>
/// </summary>
public sealed class FakeGraph : IAsyncDisposable
{
    /// <summary>The version segment every route sits under.</summary>
    public const string VersionPath = "/v1.0";

    private readonly FakeEntraId entra;
    private readonly Lock gate = new();
    private readonly List<(string Method, string Pattern, RequestDelegate Handler)> routes = [];
    private readonly List<(FakeGraphFailure Failure, string? PathContains)> failures = [];
    private readonly List<FakeGraphRequest> requests = [];
    private readonly List<string> unhandled = [];
    private WebApplication? app;

    public FakeGraph(FakeEntraId entra, TimeProvider clock)
    {
        this.entra = entra;
        Clock = clock;
    }

    /// <summary>The clock the fake dates things by (e.g. an error's <c>innerError.date</c>); areas may read it too.</summary>
    public TimeProvider Clock { get; }

    /// <summary>Graph's root for <c>Graph:BaseUrl</c>, e.g. <c>http://127.0.0.1:54321/v1.0</c>; known once started.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Every request received, in arrival order, with the status it was answered.</summary>
    public IReadOnlyList<FakeGraphRequest> Requests
    {
        get { lock (gate) { return [.. requests]; } }
    }

    /// <summary>Requests no route matched (answered 400); a test can assert there are none.</summary>
    public IReadOnlyList<string> UnhandledRequests
    {
        get { lock (gate) { return [.. unhandled]; } }
    }

    /// <summary>
    /// Adds a route before the server starts. <paramref name="pattern"/> is relative to <c>/v1.0</c> in ASP.NET Core
    /// route syntax; the handler runs after the token check and the scripted failures, and writes the answer itself.
    /// </summary>
    public void Map(string method, string pattern, RequestDelegate handler)
    {
        if (app is not null)
        {
            throw new InvalidOperationException("Map routes before StartAsync.");
        }
        routes.Add((method, pattern, handler));
    }

    /// <summary>Starts the server on a free port of 127.0.0.1.</summary>
    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeGraph).Assembly.GetName().Name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(Clock);
        var web = builder.Build();
        web.Use(GuardAsync);
        web.UseRouting();
        var version = web.MapGroup(VersionPath);
        foreach (var (method, pattern, handler) in routes)
        {
            version.MapMethods(pattern, [method], handler);
        }
        web.MapFallback(NotFoundAsync);
        await web.StartAsync();
        app = web;
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.TrimEnd('/') + VersionPath;
    }

    /// <summary>
    /// The next <paramref name="count"/> authorised requests whose path contains <paramref name="pathContains"/>
    /// (any request when null) are answered with <paramref name="failure"/> instead of their route.
    /// </summary>
    public void FailNext(int count, FakeGraphFailure failure, string? pathContains = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Add((failure, pathContains));
            }
        }
    }

    /// <summary>How many requests with this method had a path containing <paramref name="pathContains"/>.</summary>
    public int CountRequests(string method, string pathContains)
    {
        lock (gate)
        {
            return requests.Count(r => r.Method == method && r.Path.Contains(pathContains, StringComparison.Ordinal));
        }
    }

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (relative to <c>/v1.0</c>) on this server, as Graph's links are.</summary>
    public static string LinkTo(HttpContext context, string pathAndQuery)
    {
        ArgumentNullException.ThrowIfNull(context);
        return $"{context.Request.Scheme}://{context.Request.Host}{VersionPath}{pathAndQuery}";
    }

    public static async Task WriteJsonAsync(HttpContext context, HttpStatusCode status, JsonNode body)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        await context.Response.WriteAsync(body.ToJsonString(), context.RequestAborted);
    }

    /// <summary>Graph's error body, with <c>Retry-After</c> (seconds) when given.</summary>
    public static Task WriteErrorAsync(HttpContext context, HttpStatusCode status, string code, string message, TimeSpan? retryAfter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (retryAfter is { } wait)
        {
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }
        var clock = context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
        return WriteJsonAsync(context, status, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = code,
                ["message"] = message,
                ["innerError"] = new JsonObject
                {
                    ["date"] = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
                    ["request-id"] = Guid.NewGuid().ToString(),
                    ["client-request-id"] = context.Request.Headers["client-request-id"].ToString() is { Length: > 0 } id ? id : Guid.NewGuid().ToString(),
                },
            },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }

    // Token check, request log and scripted failures, before any route.
    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var request = new FakeGraphRequest(
            context.Request.Method,
            context.Request.Path.Value ?? "",
            Uri.UnescapeDataString(context.Request.QueryString.Value ?? ""),
            Clock.GetUtcNow());
        lock (gate)
        {
            requests.Add(request);
        }
        const string Bearer = "Bearer ";
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(Bearer, StringComparison.Ordinal) ? header[Bearer.Length..] : null;
        if (token is null || !entra.IsValid(token))
        {
            request.Status = (int)HttpStatusCode.Unauthorized;
            await WriteErrorAsync(context, HttpStatusCode.Unauthorized, "InvalidAuthenticationToken", token is null ? "Access token is empty." : "Access token validation failure. Invalid audience.");
            return;
        }
        FakeGraphFailure? failure = null;
        lock (gate)
        {
            var index = failures.FindIndex(f => f.PathContains is null || request.Path.Contains(f.PathContains, StringComparison.Ordinal));
            if (index >= 0)
            {
                failure = failures[index].Failure;
                failures.RemoveAt(index);
            }
        }
        if (failure is not null)
        {
            request.Status = (int)failure.Status;
            await WriteErrorAsync(context, failure.Status, failure.Code, failure.Message, failure.RetryAfter);
            return;
        }
        await next(context);
        request.Status = context.Response.StatusCode;
    }

    private Task NotFoundAsync(HttpContext context)
    {
        lock (gate)
        {
            unhandled.Add($"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}");
        }
        var segment = (context.Request.Path.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
        return WriteErrorAsync(context, HttpStatusCode.BadRequest, "BadRequest", $"Resource not found for the segment '{segment}'.");
    }
}

/// <summary>One request the fake Graph received; <see cref="Query"/> is decoded (<c>?$select=id&amp;$top=999</c>).</summary>
public sealed record FakeGraphRequest(string Method, string Path, string Query, DateTimeOffset At)
{
    /// <summary>The status it was answered with (0 while in progress).</summary>
    public int Status { get; set; }
}

/// <summary>A scripted Graph failure: status, Graph's error code and message, and Retry-After when it has one.</summary>
public sealed record FakeGraphFailure(HttpStatusCode Status, string Code, string Message, TimeSpan? RetryAfter = null)
{
    /// <summary>429 as Graph throttles: <c>TooManyRequests</c> with Retry-After in seconds.</summary>
    public static FakeGraphFailure Throttled(TimeSpan retryAfter) =>
        new(HttpStatusCode.TooManyRequests, "TooManyRequests", "Too many requests.", retryAfter);

    /// <summary>503 <c>serviceNotAvailable</c>, with Retry-After when given.</summary>
    public static FakeGraphFailure ServiceUnavailable(TimeSpan? retryAfter = null) =>
        new(HttpStatusCode.ServiceUnavailable, "serviceNotAvailable", "The service is temporarily unavailable.", retryAfter);

    /// <summary>504 <c>UnknownError</c> as Graph's gateway gives it.</summary>
    public static FakeGraphFailure GatewayTimeout { get; } = new(HttpStatusCode.GatewayTimeout, "UnknownError", "Gateway timeout.");

    /// <summary>403 <c>Authorization_RequestDenied</c>: the app lacks the permission.</summary>
    public static FakeGraphFailure Forbidden { get; } = new(HttpStatusCode.Forbidden, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
}
