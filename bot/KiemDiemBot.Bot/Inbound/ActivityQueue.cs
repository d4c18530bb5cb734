using System.Threading.Channels;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Authenticated non-invoke activities waiting for <see cref="ActivityQueueWorker"/>, so that the POST is
/// answered 200 at once (PROTOCOL.md 4.1). Bounded: when it is full, the request waits for room.
/// </summary>
public sealed class ActivityQueue
{
    public const int Capacity = 1024;

    private readonly Channel<Activity> channel = Channel.CreateBounded<Activity>(new BoundedChannelOptions(Capacity)
    {
        SingleReader = true,
        SingleWriter = false,
        FullMode = BoundedChannelFullMode.Wait,
    });

    internal ChannelReader<Activity> Reader => channel.Reader;

    public ValueTask EnqueueAsync(Activity activity, CancellationToken cancellationToken) =>
        channel.Writer.WriteAsync(activity, cancellationToken);
}
