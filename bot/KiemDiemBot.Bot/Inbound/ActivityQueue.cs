using System.Threading.Channels;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Authenticated non-invoke activities waiting for <see cref="ActivityQueueWorker"/>, so that the POST is
/// answered 200 at once (PROTOCOL.md 4.1). Split into partitions by conversation: turns of one conversation
/// keep their order, while a deadline evening's many personal chats are served side by side. Each partition
/// is bounded; when it is full, the request waits for room.
/// </summary>
public sealed class ActivityQueue
{
    public const int PartitionCount = 8;
    public const int CapacityPerPartition = 256;

    private readonly Channel<Activity>[] partitions = [.. Enumerable.Range(0, PartitionCount).Select(_ =>
        Channel.CreateBounded<Activity>(new BoundedChannelOptions(CapacityPerPartition)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        }))];

    internal IEnumerable<ChannelReader<Activity>> Readers => partitions.Select(p => p.Reader);

    public ValueTask EnqueueAsync(Activity activity, CancellationToken cancellationToken) =>
        partitions[PartitionOf(activity.Conversation?.Id)].Writer.WriteAsync(activity, cancellationToken);

    private static int PartitionOf(string? conversationId) =>
        conversationId is null ? 0 : (int)((uint)StringComparer.Ordinal.GetHashCode(conversationId) % PartitionCount);
}
