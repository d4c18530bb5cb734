using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Turns;

/// <summary>Refreshes the stored conversation reference from every inbound activity (the serviceUrl may move).</summary>
public sealed class ConversationReferenceRecorder(IConversationReferenceStore store)
{
    /// <summary>True when this is the first activity ever seen from this user in this conversation.</summary>
    public async Task<bool> RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = ConversationReferenceMapper.Map(activity);
        return reference is not null && await store.UpsertAsync(reference, cancellationToken).ConfigureAwait(false);
    }
}
