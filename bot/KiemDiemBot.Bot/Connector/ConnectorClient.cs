using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Telemetry;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// The Bot Connector REST client (PROTOCOL.md 3.2-3.5): a typed HttpClient, a bearer token per call from
/// <see cref="IBotTokenProvider"/> (one forced refresh on 401), only to hosts on the
/// <see cref="ConnectorHostAllowList"/>, and bounded retries of transient answers, network errors and timeouts
/// with delays on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class ConnectorClient(
    HttpClient http,
    IBotTokenProvider tokens,
    ConnectorRetryPolicy retryPolicy,
    ConnectorHostAllowList hosts,
    TimeProvider clock,
    ILogger<ConnectorClient> logger) : IConnectorClient
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    public async Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>(
            "SendToConversation", HttpMethod.Post, ConnectorUris.Activities(serviceUrl, conversationId),
            ConnectorPayload.FromActivity(activity), cancellationToken) ?? new ResourceResponse();

    public async Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>(
            "ReplyToActivity", HttpMethod.Post, ConnectorUris.Activity(serviceUrl, conversationId, activityId),
            ConnectorPayload.FromActivity(activity, replyToId: activityId), cancellationToken) ?? new ResourceResponse();

    public async Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        await SendAsync<ResourceResponse>(
            "UpdateActivity", HttpMethod.Put, ConnectorUris.Activity(serviceUrl, conversationId, activityId),
            ConnectorPayload.FromActivity(activity), cancellationToken) ?? new ResourceResponse { Id = activityId };

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        SendAsync<ResourceResponse>(
            "DeleteActivity", HttpMethod.Delete, ConnectorUris.Activity(serviceUrl, conversationId, activityId),
            body: null, cancellationToken);

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        await SendAsync<ConversationResourceResponse>(
            "CreateConversation", HttpMethod.Post, ConnectorUris.Conversations(serviceUrl),
            ConnectorPayload.FromConversationParameters(parameters), cancellationToken)
        ?? throw new InvalidOperationException("The Bot Connector answered CreateConversation with an empty body.");

    public async Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken) =>
        await SendAsync<TeamsChannelAccount>(
            "GetConversationMember", HttpMethod.Get, ConnectorUris.Member(serviceUrl, conversationId, userId),
            body: null, cancellationToken)
        ?? throw new InvalidOperationException("The Bot Connector answered GetConversationMember with an empty body.");

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        await SendAsync<PagedMembersResult>(
            "GetPagedMembers", HttpMethod.Get, ConnectorUris.PagedMembers(serviceUrl, conversationId, pageSize, continuationToken),
            body: null, cancellationToken) ?? new PagedMembersResult();

    private async Task<T?> SendAsync<T>(string operation, HttpMethod method, Uri uri, byte[]? body, CancellationToken cancellationToken)
        where T : class
    {
        hosts.EnsureAllowed(operation, uri);
        using var trace = KiemDiemTelemetry.StartConnectorCall(operation);
        var callStarted = retryPolicy.StartCall();
        var maxRetries = ConnectorAttempts.IsSingleAttempt ? 0 : retryPolicy.MaxRetries;
        var attempts = 0;
        var retries = 0;
        var refreshedAfter401 = false;
        var forceRefresh = false;
        string? rejectedToken = null;
        while (true)
        {
            var token = forceRefresh && rejectedToken is not null
                ? await tokens.RefreshAsync(rejectedToken, cancellationToken)
                : await tokens.GetTokenAsync(forceRefresh: false, cancellationToken);
            forceRefresh = false;
            using var request = new HttpRequestMessage(method, uri);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }
            if (body is not null)
            {
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = Json } };
            }

            attempts++;
            HttpResponseMessage answer;
            var attemptStarted = KiemDiemTelemetry.Timestamp();
            try
            {
                answer = await retryPolicy.SendAttemptAsync(http, request, callStarted, cancellationToken);
                KiemDiemTelemetry.ConnectorCall(trace, operation, (int)answer.StatusCode, errorType: null, KiemDiemTelemetry.Elapsed(attemptStarted));
            }
            catch (Exception failure) when (ConnectorRetryPolicy.IsTransient(failure))
            {
                KiemDiemTelemetry.ConnectorCall(trace, operation, statusCode: null, failure.GetType().Name, KiemDiemTelemetry.Elapsed(attemptStarted));
                var wait = retries < maxRetries ? retryPolicy.GetDelay(retries, retryAfter: null) : null;
                if (wait is not { } backoff || !retryPolicy.CanWait(callStarted, backoff))
                {
                    ConnectorLog.Unreachable(logger, operation, failure.GetType().Name, attempts);
                    throw;
                }
                retries++;
                ConnectorLog.RetryingAfterFailure(logger, operation, failure.GetType().Name, retries, retryPolicy.MaxRetries, backoff);
                await Task.Delay(backoff, clock, cancellationToken);
                continue;
            }
            using var response = answer;
            var status = response.StatusCode;
            if (status is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Accepted)
            {
                return await ReadAsync<T>(response, cancellationToken);
            }

            if (status == HttpStatusCode.Unauthorized && token is not null && !refreshedAfter401)
            {
                ConnectorLog.RefreshingTokenAfter401(logger, operation);
                refreshedAfter401 = true;
                forceRefresh = true;
                rejectedToken = token;
                continue;
            }

            var error = ConnectorError.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            if (!error.BodyWasJson)
            {
                ConnectorLog.ErrorBodyNotJson(logger, operation, status);
            }
            var retryAfter = retryPolicy.ReadRetryAfter(response.Headers.RetryAfter);
            if (ConnectorRetryPolicy.IsTransient(status) && retries < maxRetries)
            {
                if (retryPolicy.GetDelay(retries, retryAfter) is not { } delay)
                {
                    ConnectorLog.RetryAfterTooLong(logger, operation, retryAfter!.Value);
                }
                else if (!retryPolicy.CanWait(callStarted, delay))
                {
                    ConnectorLog.CallTimeUsedUp(logger, operation, delay);
                }
                else
                {
                    retries++;
                    ConnectorLog.Retrying(logger, operation, status, error.Code, retries, retryPolicy.MaxRetries, delay);
                    await Task.Delay(delay, clock, cancellationToken);
                    continue;
                }
            }

            ConnectorLog.Failed(logger, operation, status, error.Code, error.SubCode, attempts);
            throw new ConnectorException(operation, status, error.Code, error.SubCode, retryAfter, attempts);
        }
    }

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (bytes.Length == 0 || bytes.All(b => b is (byte)' ' or (byte)'\r' or (byte)'\n' or (byte)'\t'))
        {
            return null;
        }
        return JsonSerializer.Deserialize<T>(bytes, ProtocolJson.Options);
    }
}
