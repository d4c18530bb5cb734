using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Core.Conversations;

namespace KiemDiemBot.Bot.Turns;

/// <summary>
/// Refreshes the stored conversation reference from every inbound activity (the serviceUrl may move), and
/// records an uninstall as blocked writes so that nothing is sent there until someone comes back. Stages
/// for the turn's commit.
/// </summary>
public sealed class ConversationReferenceRecorder(IConversationReferenceStore store)
{
    private static readonly string[] RemoveActions = ["remove", "remove-upgrade"];

    /// <summary>True on first contact: first activity from this user here, or the first since they removed the bot.</summary>
    public async Task<bool> RecordAsync(Activity activity, CancellationToken cancellationToken)
    {
        var reference = ConversationReferenceMapper.Map(activity);
        if (reference is null)
        {
            return false;
        }
        if (IsUninstall(activity))
        {
            store.StageWritesBlocked(reference.ChannelId, reference.ConversationId);
            return false;
        }
        return await store.StageContactAsync(reference, cancellationToken).ConfigureAwait(false);
    }

    private static bool IsUninstall(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
        && RemoveActions.Contains(activity.Action, StringComparer.OrdinalIgnoreCase);
}
