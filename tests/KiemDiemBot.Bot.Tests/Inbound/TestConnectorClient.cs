using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// Stands in for the Bot Connector (PROTOCOL.md 3.2): records each send and answers as the Connector's
/// 201 does, with the new activity's id; serves one conversation member (by <c>29:</c> id, UPN or object id)
/// as Teams does, 404 MemberNotFoundInConversation for anyone else. Serves the calls a turn makes: send,
/// reply, update, get member.
/// </summary>
public sealed class TestConnectorClient : IConnectorClient
{
    /// <summary>A hang detector, not a speed claim: generous for a two-core CI machine running the whole suite at once.</summary>
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(30);

    private readonly Channel<SentActivity> sent = Channel.CreateUnbounded<SentActivity>();
    private readonly Channel<SentActivity> hangs = Channel.CreateUnbounded<SentActivity>();
    private readonly ConcurrentDictionary<string, List<TeamsChannelAccount>> members = new(StringComparer.Ordinal);
    private long nextId = 1730000000000;
    private int memberRequests;

    /// <summary>The next activity the bot sends; fails the test when none comes within 30 seconds.</summary>
    public async Task<SentActivity> NextAsync()
    {
        using var timeout = new CancellationTokenSource(WaitLimit);
        try
        {
            return await sent.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException exception)
        {
            throw new TimeoutException($"The bot sent nothing to the Connector within {WaitLimit.TotalSeconds} s.", exception);
        }
    }

    /// <summary>The next activity the bot sends, or null when none comes within <paramref name="wait"/>.</summary>
    public async Task<SentActivity?> TryNextAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await sent.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>True when the bot has sent something not yet read by <see cref="NextAsync"/>.</summary>
    public bool HasUnread => sent.Reader.TryPeek(out _);

    /// <summary>
    /// Sends this picks out hang as a Connector that never answers would, until the caller gives up (its
    /// cancellation token); each hang that begins is announced on <see cref="HangStarted"/>.
    /// </summary>
    public Func<SentActivity, bool>? HangWhen { get; set; }

    public ChannelReader<SentActivity> HangStarted => hangs.Reader;

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity(serviceUrl, conversationId, null, activity), cancellationToken);

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity(serviceUrl, conversationId, activityId, activity), cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken) =>
        Record(new SentActivity(serviceUrl, conversationId, null, activity) { UpdatedActivityId = activityId }, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A turn does not delete activities.");

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A turn does not create conversations.");

    /// <summary>Makes <paramref name="member"/> a member of the conversation, as the member call returns them.</summary>
    public void AddMember(string conversationId, TeamsChannelAccount member)
    {
        var list = members.GetOrAdd(conversationId, _ => []);
        lock (list)
        {
            list.Add(member);
        }
    }

    /// <summary>How many member calls the bot made.</summary>
    public int MemberRequestCount => Volatile.Read(ref memberRequests);

    public Task<TeamsChannelAccount> GetConversationMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref memberRequests);
        if (members.TryGetValue(conversationId, out var list))
        {
            lock (list)
            {
                var found = list.FirstOrDefault(m =>
                    string.Equals(m.Id, userId, StringComparison.Ordinal)
                    || string.Equals(m.AadObjectId, userId, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(m.UserPrincipalName, userId, StringComparison.OrdinalIgnoreCase));
                if (found is not null)
                {
                    return Task.FromResult(found);
                }
            }
        }
        throw new ConnectorException("GetConversationMember", HttpStatusCode.NotFound, "MemberNotFoundInConversation", null, null, attempts: 1);
    }

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A turn does not read the roster.");

    private async Task<ResourceResponse> Record(SentActivity activity, CancellationToken cancellationToken)
    {
        if (HangWhen?.Invoke(activity) == true)
        {
            hangs.Writer.TryWrite(activity);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        var id = activity.UpdatedActivityId
            ?? Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        sent.Writer.TryWrite(activity with { SentId = id });
        return new ResourceResponse { Id = id };
    }
}
