using System.Net;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Fakes;

namespace KiemDiemBot.Bot.Tests.Connector;

public sealed class ConnectorClientTests
{
    private const string Chat = "a:1p0iicaJlVi-chat-under-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task SendToConversationAsync_TwoSends_RequestsOneToken()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("first"), CancellationToken.None);
        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("second"), CancellationToken.None);

        Assert.Equal(1, harness.Entra.TokenRequestCount);
        Assert.Equal(["first", "second"], harness.Connector.Activities.Select(a => a.Activity.Text));
        Assert.Empty(harness.Entra.UnhandledRequests);
    }

    [Theory]
    [InlineData(OutboundHarness.TenantId, OutboundHarness.TenantId)]
    [InlineData(null, "botframework.com")]
    public async Task SendToConversationAsync_BotTenantSetting_AsksThatAuthorityForTheToken(string? botTenant, string expectedAuthority)
    {
        await using var harness = await OutboundHarness.StartAsync(tenantId: botTenant);
        harness.Connector.AddConversation(Chat);

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);

        Assert.Equal([expectedAuthority], harness.Entra.TokenRequestTenants);
    }

    [Fact]
    public async Task SendToConversationAsync_LocalMode_SendsNoAuthorizationAndAsksForNoToken()
    {
        await using var harness = await OutboundHarness.StartAsync(localMode: true);
        harness.Connector.AddConversation(Chat);

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);

        var request = Assert.Single(harness.Connector.Requests);
        Assert.False(request.HadAuthorization);
        Assert.Equal(0, harness.Entra.TokenRequestCount);
    }

    [Fact]
    public async Task SendToConversationAsync_ChannelThreadId_ArrivesIntactWithoutIdOrTimestamp()
    {
        await using var harness = await OutboundHarness.StartAsync();
        const string thread = "19:LydFnezGKSkhYoiLNP6kZ8AuXQr36E@thread.tacv2;messageid=1776390257332";
        harness.Connector.AddConversation(thread);
        var activity = Message("hello");
        activity.Id = "id-the-service-must-assign";
        activity.Timestamp = DateTimeOffset.UnixEpoch;

        var response = await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, thread, activity, CancellationToken.None);

        var received = Assert.Single(harness.Connector.Activities);
        Assert.Equal(thread, received.ConversationId);
        Assert.Equal(received.ActivityId, response.Id);
        Assert.False(received.Raw.ContainsKey("id"));
        Assert.False(received.Raw.ContainsKey("timestamp"));
        Assert.False(received.Raw.ContainsKey("locale"));
        Assert.Equal("message", (string?)received.Raw["type"]);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceUrlWithoutTrailingSlash_KeepsItsPath()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl.TrimEnd('/'), Chat, Message("hello"), CancellationToken.None);

        Assert.Equal("SendToConversation", Assert.Single(harness.Connector.Requests).Operation);
        Assert.Single(harness.Connector.Activities);
    }

    [Fact]
    public async Task SendToConversationAsync_EighthMessageWithinOneSecond_RetriesOnlyAfterRetryAfter()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        for (var i = 1; i <= 7; i++)
        {
            await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message($"message {i}"), CancellationToken.None);
        }

        var eighth = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("message 8"), CancellationToken.None);
        var delay = await harness.Time.NextDelayAsync(Timeout);
        Assert.Equal(TimeSpan.FromSeconds(1), delay);
        harness.Time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(8, harness.Connector.CountRequests("SendToConversation"));
        Assert.Equal(7, harness.Connector.Activities.Count);

        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var response = await eighth.WaitAsync(Timeout);

        Assert.Equal([201, 201, 201, 201, 201, 201, 201, 429, 201], harness.Connector.Requests.Select(r => r.Status));
        Assert.Equal("message 8", harness.Connector.Activities[^1].Activity.Text);
        Assert.Equal(harness.Connector.Activities[^1].ActivityId, response.Id);
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledWithRetryAfterDate_WaitsUntilThatDate()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, FakeConnectorFailure.ThrottledUntil(harness.Time.GetUtcNow().AddSeconds(5)));

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        var delay = await harness.Time.NextDelayAsync(Timeout);
        harness.Time.Advance(delay);
        await send.WaitAsync(Timeout);

        Assert.Equal(TimeSpan.FromSeconds(5), delay);
        Assert.Equal([429, 201], harness.Connector.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task SendToConversationAsync_ThrottledWithoutRetryAfter_BacksOffExponentially()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(2, FakeConnectorFailure.Throttled(retryAfter: null));

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 2; i++)
        {
            delays.Add(await harness.Time.NextDelayAsync(Timeout));
            harness.Time.Advance(delays[^1]);
        }
        await send.WaitAsync(Timeout);

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], delays);
        Assert.Equal([429, 429, 201], harness.Connector.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task SendToConversationAsync_RetryAfterLongerThanMaxDelay_FailsAtOnceWithRetryAfter()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, FakeConnectorFailure.Throttled(TimeSpan.FromSeconds(45)));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Equal(1, error.Attempts);
        Assert.False(harness.Time.HasPendingDelay);
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    public async Task SendToConversationAsync_ServiceKeepsFailing_GivesUpAfterFiveAttempts(HttpStatusCode status)
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(10, Transient(status));

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            delays.Add(await harness.Time.NextDelayAsync(Timeout));
            harness.Time.Advance(delays[^1]);
        }
        var error = await Assert.ThrowsAsync<ConnectorException>(() => send.WaitAsync(Timeout));

        Assert.Equal([1, 2, 4, 8], delays.Select(d => d.TotalSeconds));
        Assert.Equal(status, error.StatusCode);
        Assert.Equal(5, error.Attempts);
        Assert.Equal(5, harness.Connector.CountRequests("SendToConversation"));
        Assert.Empty(harness.Connector.Activities);
        Assert.False(harness.Time.HasPendingDelay);
    }

    [Fact]
    public async Task SendToConversationAsync_ServiceRecovers_DeliversOnThirdAttempt()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(2, FakeConnectorFailure.ServiceUnavailable);

        var send = harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            harness.Time.Advance(await harness.Time.NextDelayAsync(Timeout));
        }
        await send.WaitAsync(Timeout);

        Assert.Equal([503, 503, 201], harness.Connector.Requests.Select(r => r.Status));
        Assert.Equal("hello", Assert.Single(harness.Connector.Activities).Activity.Text);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadSyntax")]
    [InlineData(HttpStatusCode.Forbidden, "ForbiddenOperationException")]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig")]
    public async Task SendToConversationAsync_ClientError_IsNotRetried(HttpStatusCode status, string code)
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, Permanent(status));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(code, error.ErrorCode);
        Assert.False(error.IsMessageWritesBlocked);
        Assert.Equal(1, error.Attempts);
        Assert.Single(harness.Connector.Requests);
        Assert.False(harness.Time.HasPendingDelay);
    }

    [Fact]
    public async Task SendToConversationAsync_UnknownConversation_Throws404Once()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, "a:never-created", Message("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Single(harness.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_UserBlockedBot_ThrowsMessageWritesBlockedWithoutRetry()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, FakeConnectorFailure.MessageWritesBlocked);

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None));

        Assert.True(error.IsMessageWritesBlocked);
        Assert.Equal("MessageWritesBlocked", error.SubCode);
        Assert.Equal("209", error.ErrorCode);
        Assert.Single(harness.Connector.Requests);
    }

    [Theory]
    [InlineData("""{"error":{"code":"Forbidden","message":"Thread is blocked.","subCode":"MessageWritesBlocked"}}""")]
    [InlineData("""{"error":{"code":"Forbidden","message":"Thread is blocked."},"subCode":"MessageWritesBlocked"}""")]
    [InlineData("""{"error":{"code":"Forbidden","message":"{\"subCode\":\"MessageWritesBlocked\"}"}}""")]
    public async Task SendToConversationAsync_BlockedAnswerInOtherShapes_IsRecognised(string body)
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.FailNext(1, new FakeConnectorFailure(HttpStatusCode.Forbidden, body));

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None));

        Assert.True(error.IsMessageWritesBlocked);
        Assert.Equal("Forbidden", error.ErrorCode);
        Assert.Single(harness.Connector.Requests);
    }

    [Fact]
    public async Task SendToConversationAsync_CachedTokenRejected_RefreshesOnceAndDelivers()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("first"), CancellationToken.None);
        harness.Entra.RevokeIssuedTokens();

        await harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("second"), CancellationToken.None);

        Assert.Equal(2, harness.Entra.TokenRequestCount);
        Assert.Equal([201, 401, 201], harness.Connector.Requests.Select(r => r.Status));
        Assert.Equal(["first", "second"], harness.Connector.Activities.Select(a => a.Activity.Text));
        Assert.False(harness.Time.HasPendingDelay);
    }

    [Fact]
    public async Task SendToConversationAsync_FreshTokenAlsoRejected_Throws401AfterOneRefresh()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        harness.Connector.RejectAllTokens = true;

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.SendToConversationAsync(harness.Connector.ServiceUrl, Chat, Message("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, error.Attempts);
        Assert.Equal(2, harness.Entra.TokenRequestCount);
    }

    [Fact]
    public async Task ReplyUpdateDelete_SentActivity_ReplacedThenRemoved()
    {
        await using var harness = await OutboundHarness.StartAsync();
        harness.Connector.AddConversation(Chat);
        var url = harness.Connector.ServiceUrl;
        var sent = await harness.Client.SendToConversationAsync(url, Chat, Message("card v1"), CancellationToken.None);

        await harness.Client.ReplyToActivityAsync(url, Chat, sent.Id!, Message("reply"), CancellationToken.None);
        var updated = await harness.Client.UpdateActivityAsync(url, Chat, sent.Id!, Message("card v2"), CancellationToken.None);
        await harness.Client.DeleteActivityAsync(url, Chat, sent.Id!, CancellationToken.None);
        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.UpdateActivityAsync(url, Chat, sent.Id!, Message("card v3"), CancellationToken.None));

        Assert.Equal(sent.Id, updated.Id);
        var reply = harness.Connector.Activities.Single(a => a.Operation == "ReplyToActivity");
        Assert.Equal(sent.Id, reply.Activity.ReplyToId);
        var update = harness.Connector.Activities.Single(a => a.Operation == "UpdateActivity");
        Assert.Equal(("card v2", sent.Id), (update.Activity.Text, update.ActivityId));
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(1, error.Attempts);
    }

    [Fact]
    public async Task CreateConversationAsync_SameUserTwice_ReturnsSameConversation()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var first = await harness.Client.CreateConversationAsync(harness.Connector.ServiceUrl, PersonalChatWith("29:1aK9mYhSZ3eg-user-a"), CancellationToken.None);
        var second = await harness.Client.CreateConversationAsync(harness.Connector.ServiceUrl, PersonalChatWith("29:1aK9mYhSZ3eg-user-a"), CancellationToken.None);
        var other = await harness.Client.CreateConversationAsync(harness.Connector.ServiceUrl, PersonalChatWith("29:1aK9mYhSZ3eg-user-b"), CancellationToken.None);

        Assert.StartsWith("a:", first.Id, StringComparison.Ordinal);
        Assert.Equal(first.Id, second.Id);
        Assert.NotEqual(first.Id, other.Id);
        Assert.Equal([201, 201, 201], harness.Connector.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task CreateConversationAsync_GroupChat_ThrowsBadSyntaxWithoutRetry()
    {
        await using var harness = await OutboundHarness.StartAsync();
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Members = [new ChannelAccount { Id = "29:user-a" }, new ChannelAccount { Id = "29:user-b" }],
            TenantId = OutboundHarness.TenantId,
        };

        var error = await Assert.ThrowsAsync<ConnectorException>(
            () => harness.Client.CreateConversationAsync(harness.Connector.ServiceUrl, parameters, CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("BadSyntax", error.ErrorCode);
        Assert.Single(harness.Connector.Requests);
    }

    [Fact]
    public async Task GetPagedMembersAsync_RosterLargerThanAPage_WalksAllPages()
    {
        await using var harness = await OutboundHarness.StartAsync();
        const string team = "19:team-general@thread.tacv2";
        var roster = Enumerable.Range(1, 120).Select(i => new TeamsChannelAccount { Id = $"29:member-{i}", AadObjectId = Guid.NewGuid().ToString() }).ToList();
        harness.Connector.AddConversation(team, roster);

        var pages = new List<PagedMembersResult>();
        string? continuation = null;
        do
        {
            // Teams treats a page size below 50 as 50.
            var page = await harness.Client.GetPagedMembersAsync(harness.Connector.ServiceUrl, team, pageSize: 10, continuation, CancellationToken.None);
            pages.Add(page);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        Assert.Equal([50, 50, 20], pages.Select(p => p.Members.Count));
        Assert.Equal(roster.Select(m => m.Id), pages.SelectMany(p => p.Members).Select(m => m.Id));
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };

    private static ConversationParameters PersonalChatWith(string userId) => new()
    {
        IsGroup = false,
        Members = [new ChannelAccount { Id = userId }],
        TenantId = OutboundHarness.TenantId,
    };

    private static FakeConnectorFailure Transient(HttpStatusCode status) => status switch
    {
        HttpStatusCode.ServiceUnavailable => FakeConnectorFailure.ServiceUnavailable,
        HttpStatusCode.BadGateway => FakeConnectorFailure.BadGateway,
        HttpStatusCode.GatewayTimeout => FakeConnectorFailure.GatewayTimeout,
        HttpStatusCode.PreconditionFailed => FakeConnectorFailure.PreconditionFailed,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    private static FakeConnectorFailure Permanent(HttpStatusCode status) => status switch
    {
        HttpStatusCode.BadRequest => FakeConnectorFailure.BadRequest,
        HttpStatusCode.Forbidden => FakeConnectorFailure.ForbiddenOperation,
        HttpStatusCode.NotFound => FakeConnectorFailure.NotFound,
        HttpStatusCode.RequestEntityTooLarge => FakeConnectorFailure.MessageSizeTooBig,
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}
