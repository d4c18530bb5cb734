using System.Threading.Channels;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// Stands in for the Bot Connector (PROTOCOL.md 3.2): records each send and answers as the Connector's
/// 201 does, with the new activity's id. Serves the calls a turn makes: send, reply, update.
/// </summary>
public sealed class TestConnectorClient : IConnectorClient
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(15);

    private readonly Channel<SentActivity> sent = Channel.CreateUnbounded<SentActivity>();
    private readonly Channel<SentActivity> hangs = Channel.CreateUnbounded<SentActivity>();
    private long nextId = 1730000000000;

    /// <summary>The next activity the bot sends; fails the test when none comes within 15 seconds.</summary>
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

    public Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize, string? continuationToken, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("A turn does not read the roster.");

    private async Task<ResourceResponse> Record(SentActivity activity, CancellationToken cancellationToken)
    {
        if (HangWhen?.Invoke(activity) == true)
        {
            hangs.Writer.TryWrite(activity);
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }
        sent.Writer.TryWrite(activity);
        var id = Interlocked.Increment(ref nextId);
        return activity.UpdatedActivityId is { } updated
            ? new ResourceResponse { Id = updated }
            : new ResourceResponse { Id = id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }
}
