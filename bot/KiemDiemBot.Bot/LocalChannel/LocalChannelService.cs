using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// What the local channel does between its two sides: it stamps what users write as Direct Line does,
/// keeps it in the transcript and hands it to the bot; it stamps what the bot sends through the
/// Connector API and keeps it in the transcript, where the users' clients poll for it.
/// </summary>
public sealed class LocalChannelService(
    LocalConversationStore store,
    SeenPeople people,
    LocalChannelAddress address,
    LocalBotClient bot,
    TimeProvider clock,
    ILogger<LocalChannelService> logger)
{
    public const string ChannelId = "directline";
    private const string UserRole = "user";

    public LocalConversationStore Conversations => store;

    /// <summary>
    /// Opens the personal or group conversation the request names; the first time, and whenever a user
    /// joins it, the bot gets a conversationUpdate naming who was added (so it can greet them).
    /// Null when the request names neither a user nor a group.
    /// </summary>
    public async Task<(LocalConversation Conversation, bool Created)?> StartAsync(StartConversationRequest request, CancellationToken cancellationToken)
    {
        var user = request.User is { Id: { Length: > 0 } id } ? new ChannelAccount { Id = id.Trim(), Name = request.User.Name, Role = UserRole } : null;
        (LocalConversation Conversation, bool Created) opened;
        if (!string.IsNullOrWhiteSpace(request.Group))
        {
            opened = store.GetOrCreateGroup(request.Group);
        }
        else if (user is not null)
        {
            opened = store.GetOrCreatePersonal(user.Id!);
        }
        else
        {
            return null;
        }

        var (conversation, created) = opened;
        if (created)
        {
            LocalChannelLog.ConversationStarted(logger, conversation.Id, conversation.ConversationType);
        }
        people.Remember(user);
        List<ChannelAccount> added = created ? [LocalBot.Account()] : [];
        if (user is not null && conversation.AddMember(user))
        {
            added.Add(user);
        }
        if (added.Count > 0)
        {
            var update = new Activity
            {
                Type = ActivityTypes.ConversationUpdate,
                Id = "cu-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture),
                From = user ?? LocalBot.Account(),
                MembersAdded = added,
                Locale = request.Locale,
            };
            StampInbound(conversation, update);
            await bot.DeliverAsync(update, cancellationToken);
        }
        return opened;
    }

    /// <summary>
    /// Takes what a user wrote: stamps it, adds it to the transcript and delivers it to the bot. Returns the
    /// activity id, or null when the bot did not take it (the activity is then taken back out).
    /// </summary>
    public async Task<string?> PostFromUserAsync(LocalConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        activity.From!.Role ??= UserRole;
        StampInbound(conversation, activity);
        conversation.AddMember(activity.From);
        people.Remember(activity.From);
        var id = conversation.Append(activity);
        if (await bot.DeliverAsync(activity, cancellationToken))
        {
            return id;
        }
        conversation.Remove(id);
        return null;
    }

    /// <summary>Takes what the bot sends (a new message, or a reply to <paramref name="replyToId"/>) into the transcript.</summary>
    public string PostFromBot(LocalConversation conversation, Activity activity, string? replyToId)
    {
        StampOutbound(conversation, activity);
        activity.ReplyToId ??= replyToId;
        return conversation.Append(activity);
    }

    /// <summary>Replaces a message the bot sent earlier; false when there is no such activity.</summary>
    public bool UpdateFromBot(LocalConversation conversation, string activityId, Activity activity)
    {
        StampOutbound(conversation, activity);
        return conversation.Replace(activityId, activity);
    }

    private void StampInbound(LocalConversation conversation, Activity activity)
    {
        activity.Timestamp = clock.GetUtcNow();
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = address.ServiceUrlText;
        activity.Recipient = LocalBot.Account();
        activity.Conversation = conversation.Account();
    }

    private void StampOutbound(LocalConversation conversation, Activity activity)
    {
        activity.Timestamp = clock.GetUtcNow();
        activity.ChannelId = ChannelId;
        activity.ServiceUrl = address.ServiceUrlText;
        activity.From = LocalBot.Account();
        activity.Conversation = conversation.Account();
    }
}
