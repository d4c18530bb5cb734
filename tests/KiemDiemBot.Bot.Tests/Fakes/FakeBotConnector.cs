using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Teams' Bot Connector as a real HTTP server on 127.0.0.1 (PROTOCOL.md 3.2-3.4, 5.1), under the path
/// <c>/teams/</c> like <c>https://smba.trafficmanager.net/teams/</c>:
/// bearer tokens issued by <see cref="FakeEntraId"/> (401 otherwise; none needed when started without one, as the
/// local channel), send rate limit 7/1 s (and 8/2 s, 60/30 s, 1800/3600 s) per conversation answered 429 with
/// Retry-After, idempotent 1:1 creation, group creation refused with 400 BadSyntax, paged members with
/// continuation tokens (pageSize clamped to 50..500), one member by <c>29:</c> id, UPN or object id (404
/// MemberNotFoundInConversation for anyone else), and scripted failures. Every accepted activity is recorded.
/// The tenant-wide limit (PROTOCOL.md 5.1: 50 requests per second per app per tenant; the fake serves one tenant)
/// is a sliding one-second window over every authorised request it let through, whatever the operation; a request
/// over it, like one over a conversation's limit, is answered 429 with Retry-After and counted as a violation.
/// Rate limits read the <see cref="TimeProvider"/> given at start, so tests move time with FakeTimeProvider.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    public const string PathBase = "/teams/";

    /// <summary>Page size when the caller gives none (not documented by Teams; the fake's choice).</summary>
    public const int DefaultPageSize = 200;

    private static readonly JsonSerializerOptions Json = ProtocolJson.Options;

    private readonly WebApplication app;
    private readonly FakeEntraId? entra;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly Dictionary<string, List<TeamsChannelAccount>> conversations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> activityIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tenant, string User), string> personalChats = [];
    private readonly Dictionary<string, (string ConversationId, int Offset)> continuations = new(StringComparer.Ordinal);
    private readonly List<(FakeConnectorFailure Failure, string? Operation)> failures = [];
    private readonly List<FakeConnectorRequest> requests = [];
    private readonly List<ReceivedActivity> activities = [];
    private readonly List<(Func<ReceivedActivity, bool> Match, TaskCompletionSource<ReceivedActivity> Done)> waiters = [];
    private readonly List<(int Count, TaskCompletionSource Done)> requestWaiters = [];
    private readonly List<(int Count, TaskCompletionSource Done)> activityCountWaiters = [];
    private readonly FakeRateLimiter sendLimits = FakeRateLimiter.ForSends();
    private readonly FakeRateLimiter memberLimits = FakeRateLimiter.ForMemberReads();
    private readonly Queue<DateTimeOffset> tenantWindow = new();
    private readonly HashSet<string> blockedConversations = new(StringComparer.Ordinal);
    private readonly List<PeriodicFailure> periodicFailures = [];
    private long nextActivityId = 1_700_000_000_000;
    private int tenantLimit = 50;
    private int tenantViolations;
    private int conversationViolations;

    private FakeBotConnector(WebApplication app, FakeEntraId? entra, TimeProvider clock)
    {
        this.app = app;
        this.entra = entra;
        this.clock = clock;
    }

    /// <summary>The serviceUrl to give the bot, with its trailing '/' as Teams sends it.</summary>
    public string ServiceUrl { get; private set; } = "";

    /// <summary>Requests per second the tenant may make (sliding one-second window); 50 as Teams documents, raise it to keep a test short.</summary>
    public int TenantLimit
    {
        get { lock (gate) { return tenantLimit; } }
        set { lock (gate) { tenantLimit = value; } }
    }

    /// <summary>Requests refused because the tenant's window was full (not scripted failures).</summary>
    public int TenantViolations
    {
        get { lock (gate) { return tenantViolations; } }
    }

    /// <summary>Requests refused because a conversation's send, create or member-read limit was reached (not scripted failures).</summary>
    public int ConversationViolations
    {
        get { lock (gate) { return conversationViolations; } }
    }

    /// <summary>When set, every token is refused with 401, even a fresh one.</summary>
    public bool RejectAllTokens { get; set; }

    public IReadOnlyList<FakeConnectorRequest> Requests
    {
        get { lock (gate) { return [.. requests]; } }
    }

    public IReadOnlyList<ReceivedActivity> Activities
    {
        get { lock (gate) { return [.. activities]; } }
    }

    /// <summary>Starts the server. Without <paramref name="entra"/>, no Authorization is required (local mode).</summary>
    public static async Task<FakeBotConnector> StartAsync(FakeEntraId? entra, TimeProvider clock)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(FakeBotConnector).Assembly.GetName().Name });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeBotConnector(app, entra, clock);
        app.Run(connector.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        connector.ServiceUrl = address.TrimEnd('/') + PathBase;
        return connector;
    }

    /// <summary>Makes a conversation known (as if the bot had been installed there) with its roster.</summary>
    public void AddConversation(string conversationId, IEnumerable<TeamsChannelAccount>? members = null)
    {
        lock (gate)
        {
            conversations[conversationId] = [.. members ?? []];
            activityIds.TryAdd(conversationId, new HashSet<string>(StringComparer.Ordinal));
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> authorised requests fail this way: all requests, or only those of
    /// <paramref name="operation"/> (e.g. <c>SendToConversation</c>) when it is given.
    /// </summary>
    public void FailNext(int count, FakeConnectorFailure failure, string? operation = null)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                failures.Add((failure, operation));
            }
        }
    }

    /// <summary>
    /// Every <paramref name="every"/>-th authorised request (of <paramref name="operation"/> when given) that passed the
    /// limits fails this way, <paramref name="times"/> times in all: failures spread through a long run.
    /// </summary>
    public void FailEvery(int every, FakeConnectorFailure failure, int times, string? operation = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(every, 1);
        lock (gate)
        {
            periodicFailures.Add(new PeriodicFailure(every, failure, operation) { Left = times });
        }
    }

    /// <summary>The user blocked the bot in this conversation: sends to it are answered 403 MessageWritesBlocked.</summary>
    public void BlockConversation(string conversationId)
    {
        lock (gate)
        {
            blockedConversations.Add(conversationId);
        }
    }

    public int CountRequests(string operation)
    {
        lock (gate)
        {
            return requests.Count(r => r.Operation == operation);
        }
    }

    /// <summary>
    /// Waits up to <paramref name="timeout"/> until <paramref name="count"/> requests have arrived, answered or
    /// not (a hanging request counts as soon as it is read).
    /// </summary>
    public Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        lock (gate)
        {
            if (requests.Count >= count)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            requestWaiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> until <paramref name="count"/> activities have been accepted.</summary>
    public Task WaitForActivitiesAsync(int count, TimeSpan timeout)
    {
        lock (gate)
        {
            if (activities.Count >= count)
            {
                return Task.CompletedTask;
            }
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            activityCountWaiters.Add((count, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    /// <summary>The first accepted activity matching <paramref name="match"/>, waiting for it up to <paramref name="timeout"/>.</summary>
    public Task<ReceivedActivity> WaitForActivityAsync(Func<ReceivedActivity, bool> match, TimeSpan timeout)
    {
        lock (gate)
        {
            var existing = activities.FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }
            var done = new TaskCompletionSource<ReceivedActivity>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, done));
            return done.Task.WaitAsync(timeout);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Arrival, as Teams would count it: before the body is read (under load, reading it can take a while).
        var arrived = clock.GetUtcNow();
        var method = context.Request.Method;
        var route = ParseRoute(context.Request.Path.Value ?? "", method);
        var hadAuthorization = context.Request.Headers.Authorization.Count > 0;
        var body = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);

        Answer answer;
        lock (gate)
        {
            answer = Authorize(context.Request.Headers.Authorization.ToString())
                ?? LimitTenant(arrived)
                ?? TakeScriptedFailure(route.Operation)
                ?? TakePeriodicFailure(route.Operation)
                ?? Dispatch(route, context.Request.Query, body);
            requests.Add(new FakeConnectorRequest(method, route.Operation, route.ConversationId, (int)answer.Status, hadAuthorization) { At = arrived });
            foreach (var waiter in requestWaiters.Where(w => requests.Count >= w.Count).ToList())
            {
                requestWaiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }

        if (answer.Kind == FakeConnectorFailureKind.DropConnection)
        {
            context.Abort();
            return;
        }
        if (answer.Kind == FakeConnectorFailureKind.Hang)
        {
            // Until the client gives up on the request (or the fake stops).
            var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using (context.RequestAborted.Register(() => abandoned.TrySetResult()))
            {
                await abandoned.Task;
            }
            return;
        }

        context.Response.StatusCode = (int)answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }

    private Answer? Authorize(string header)
    {
        if (entra is null)
        {
            return null;
        }
        const string Bearer = "Bearer ";
        var token = header.StartsWith(Bearer, StringComparison.Ordinal) ? header[Bearer.Length..] : null;
        if (token is not null && entra.IsValid(token) && !RejectAllTokens)
        {
            return null;
        }
        return new Answer(HttpStatusCode.Unauthorized, """{"message":"Authorization has been denied for this request."}""");
    }

    private Answer? LimitTenant(DateTimeOffset now)
    {
        while (tenantWindow.TryPeek(out var oldest) && oldest <= now - TimeSpan.FromSeconds(1))
        {
            tenantWindow.Dequeue();
        }
        if (tenantWindow.Count >= tenantLimit)
        {
            tenantViolations++;
            return Throttled(tenantWindow.Peek() + TimeSpan.FromSeconds(1) - now);
        }
        tenantWindow.Enqueue(now);
        // Arrivals are taken before the lock, so they may come in slightly out of order; the window stays sorted enough
        // for its count, which is what the limit is about.
        return null;
    }

    private Answer? TakePeriodicFailure(string operation)
    {
        foreach (var periodic in periodicFailures.Where(p => p.Left > 0 && (p.Operation is null || p.Operation == operation)))
        {
            periodic.Seen++;
            if (periodic.Seen % periodic.Every == 0)
            {
                periodic.Left--;
                return FromFailure(periodic.Failure);
            }
        }
        return null;
    }

    private Answer? TakeScriptedFailure(string operation)
    {
        var index = failures.FindIndex(f => f.Operation is null || f.Operation == operation);
        if (index < 0)
        {
            return null;
        }
        var failure = failures[index].Failure;
        failures.RemoveAt(index);
        return FromFailure(failure);
    }

    private Answer Dispatch(Route route, IQueryCollection query, string body) => route.Operation switch
    {
        "CreateConversation" => CreateConversation(body),
        "SendToConversation" or "ReplyToActivity" => PostActivity(route, body),
        "UpdateActivity" => UpdateActivity(route, body),
        "DeleteActivity" => DeleteActivity(route),
        "GetPagedMembers" => GetPagedMembers(route.ConversationId!, query),
        "GetConversationMember" => GetConversationMember(route.ConversationId!, route.MemberId!),
        _ => new Answer(HttpStatusCode.NotFound, null),
    };

    private Answer CreateConversation(string body)
    {
        var parameters = Deserialize<ConversationParameters>(body);
        if (parameters is null || string.IsNullOrEmpty(parameters.TenantId))
        {
            return BadSyntax();
        }
        if (parameters.IsGroup)
        {
            // Only a new thread in a channel can be created, and only with its first message.
            var channelId = parameters.ChannelData?.Channel?.Id;
            if (string.IsNullOrEmpty(channelId) || parameters.Activity is null)
            {
                return BadSyntax();
            }
            var rootId = NextActivityId();
            var threadId = $"{channelId};messageid={rootId}";
            AddConversationLocked(threadId, []);
            Accept("CreateConversation", threadId, rootId, JsonNode.Parse(body)!["activity"]!.AsObject());
            return Created(new JsonObject { ["id"] = threadId, ["activityId"] = rootId });
        }
        if (parameters.Members is not [{ Id: { } userId }] || !userId.StartsWith("29:", StringComparison.Ordinal))
        {
            return BadSyntax();
        }
        if (sendLimits.TryAcquire("create:" + userId, clock.GetUtcNow()) is { } wait)
        {
            conversationViolations++;
            return Throttled(wait);
        }
        if (!personalChats.TryGetValue((parameters.TenantId, userId), out var conversationId))
        {
            conversationId = "a:" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            personalChats[(parameters.TenantId, userId)] = conversationId;
            AddConversationLocked(conversationId, [new TeamsChannelAccount { Id = userId, TenantId = parameters.TenantId }]);
        }
        if (parameters.Activity is not null)
        {
            // Posted as the first message, even when the chat already existed; its id is not returned.
            Accept("CreateConversation", conversationId, NextActivityId(), JsonNode.Parse(body)!["activity"]!.AsObject());
        }
        return Created(new JsonObject { ["id"] = conversationId });
    }

    private Answer PostActivity(Route route, string body)
    {
        var conversationId = route.ConversationId!;
        if (!conversations.ContainsKey(conversationId))
        {
            return ConversationNotFound();
        }
        if (ParseObject(body) is not { } raw)
        {
            return BadSyntax();
        }
        if (blockedConversations.Contains(conversationId))
        {
            return FromFailure(FakeConnectorFailure.MessageWritesBlocked);
        }
        if (sendLimits.TryAcquire(conversationId, clock.GetUtcNow()) is { } wait)
        {
            conversationViolations++;
            return Throttled(wait);
        }
        var id = NextActivityId();
        Accept(route.Operation, conversationId, id, raw);
        return Created(new JsonObject { ["id"] = id });
    }

    private Answer UpdateActivity(Route route, string body)
    {
        if (!conversations.ContainsKey(route.ConversationId!))
        {
            return ConversationNotFound();
        }
        if (!activityIds[route.ConversationId!].Contains(route.ActivityId!))
        {
            return ActivityNotFound();
        }
        if (ParseObject(body) is not { } raw)
        {
            return BadSyntax();
        }
        Accept(route.Operation, route.ConversationId!, route.ActivityId!, raw);
        return new Answer(HttpStatusCode.OK, new JsonObject { ["id"] = route.ActivityId }.ToJsonString());
    }

    private Answer DeleteActivity(Route route)
    {
        if (!conversations.ContainsKey(route.ConversationId!))
        {
            return ConversationNotFound();
        }
        if (!activityIds[route.ConversationId!].Remove(route.ActivityId!))
        {
            return ActivityNotFound();
        }
        return new Answer(HttpStatusCode.OK, null);
    }

    private Answer GetPagedMembers(string conversationId, IQueryCollection query)
    {
        if (!conversations.TryGetValue(conversationId, out var members))
        {
            return ConversationNotFound();
        }
        if (memberLimits.TryAcquire("members:" + conversationId, clock.GetUtcNow()) is { } wait)
        {
            conversationViolations++;
            return Throttled(wait);
        }
        var pageSize = DefaultPageSize;
        if (query.TryGetValue("pageSize", out var sizeText) && !string.IsNullOrEmpty(sizeText))
        {
            if (!int.TryParse(sizeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out pageSize))
            {
                return BadSyntax();
            }
            pageSize = Math.Clamp(pageSize, 50, 500);
        }
        var offset = 0;
        if (query.TryGetValue("continuationToken", out var token) && !string.IsNullOrEmpty(token))
        {
            if (!continuations.Remove(token.ToString(), out var position) || position.ConversationId != conversationId)
            {
                return BadSyntax();
            }
            offset = position.Offset;
        }
        var page = members.Skip(offset).Take(pageSize).ToList();
        var result = new PagedMembersResult { Members = page };
        if (offset + page.Count < members.Count)
        {
            result.ContinuationToken = Guid.NewGuid().ToString("N");
            continuations[result.ContinuationToken] = (conversationId, offset + page.Count);
        }
        return new Answer(HttpStatusCode.OK, JsonSerializer.Serialize(result, Json));
    }

    private Answer GetConversationMember(string conversationId, string userId)
    {
        if (!conversations.TryGetValue(conversationId, out var members))
        {
            return ConversationNotFound();
        }
        if (memberLimits.TryAcquire("members:" + conversationId, clock.GetUtcNow()) is { } wait)
        {
            conversationViolations++;
            return Throttled(wait);
        }
        // Teams takes the 29: id, the user principal name or the Entra object id.
        var member = members.FirstOrDefault(m =>
            string.Equals(m.Id, userId, StringComparison.Ordinal)
            || string.Equals(m.UserPrincipalName, userId, StringComparison.OrdinalIgnoreCase)
            || string.Equals(m.AadObjectId, userId, StringComparison.OrdinalIgnoreCase));
        return member is null
            ? FromFailure(FakeConnectorFailure.Error(HttpStatusCode.NotFound, "MemberNotFoundInConversation", "The member could not be found in the conversation."))
            : new Answer(HttpStatusCode.OK, JsonSerializer.Serialize(member, Json));
    }

    private void Accept(string operation, string conversationId, string activityId, JsonObject raw)
    {
        activityIds[conversationId].Add(activityId);
        var received = new ReceivedActivity(operation, conversationId, activityId, raw.Deserialize<Activity>(Json)!, raw);
        activities.Add(received);
        foreach (var waiter in activityCountWaiters.Where(w => activities.Count >= w.Count).ToList())
        {
            activityCountWaiters.Remove(waiter);
            waiter.Done.TrySetResult();
        }
        foreach (var waiter in waiters.Where(w => w.Match(received)).ToList())
        {
            waiters.Remove(waiter);
            waiter.Done.TrySetResult(received);
        }
    }

    private void AddConversationLocked(string conversationId, List<TeamsChannelAccount> members)
    {
        conversations.TryAdd(conversationId, members);
        activityIds.TryAdd(conversationId, new HashSet<string>(StringComparer.Ordinal));
    }

    private string NextActivityId() => (++nextActivityId).ToString(CultureInfo.InvariantCulture);

    private static JsonObject? ParseObject(string body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static T? Deserialize<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static Answer Created(JsonObject body) => new(HttpStatusCode.Created, body.ToJsonString());

    private static Answer BadSyntax() => FromFailure(FakeConnectorFailure.BadRequest);

    private static Answer ConversationNotFound() => FromFailure(FakeConnectorFailure.NotFound);

    private static Answer ActivityNotFound() =>
        FromFailure(FakeConnectorFailure.Error(HttpStatusCode.NotFound, "ActivityNotFound", "Activity not found."));

    private static Answer Throttled(TimeSpan wait) => FromFailure(FakeConnectorFailure.Throttled(wait));

    private static Answer FromFailure(FakeConnectorFailure failure) => new(failure.Status, failure.Body, failure.RetryAfter, failure.Kind);

    private static Route ParseRoute(string path, string method)
    {
        if (!path.StartsWith(PathBase + "v3/conversations", StringComparison.Ordinal))
        {
            return new Route("Unknown", null, null);
        }
        var segments = path[(PathBase.Length + "v3/".Length)..].Split('/').Select(Uri.UnescapeDataString).ToArray();
        return (method, segments) switch
        {
            ("POST", ["conversations"]) => new Route("CreateConversation", null, null),
            ("POST", ["conversations", var c, "activities"]) => new Route("SendToConversation", c, null),
            ("POST", ["conversations", var c, "activities", var a]) => new Route("ReplyToActivity", c, a),
            ("PUT", ["conversations", var c, "activities", var a]) => new Route("UpdateActivity", c, a),
            ("DELETE", ["conversations", var c, "activities", var a]) => new Route("DeleteActivity", c, a),
            ("GET", ["conversations", var c, "pagedmembers"]) => new Route("GetPagedMembers", c, null),
            ("GET", ["conversations", var c, "members", var u]) => new Route("GetConversationMember", c, null, u),
            _ => new Route("Unknown", null, null),
        };
    }

    private sealed record PeriodicFailure(int Every, FakeConnectorFailure Failure, string? Operation)
    {
        public int Seen { get; set; }

        public int Left { get; set; }
    }

    private sealed record Route(string Operation, string? ConversationId, string? ActivityId, string? MemberId = null);

    private sealed record Answer(HttpStatusCode Status, string? Body, string? RetryAfter = null, FakeConnectorFailureKind Kind = FakeConnectorFailureKind.Answer);
}
