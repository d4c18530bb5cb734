using System.Globalization;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// What the local channel does between its two sides: it stamps what users write as Direct Line does,
/// keeps it in the transcript and hands it to the bot (in a group chat only when it mentions the bot, as
/// Teams does); it stamps what the bot sends through the Connector API and keeps it in the transcript,
/// where the users' clients poll for it.
/// </summary>
public sealed class LocalChannelService(
    LocalConversationStore store,
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
    /// Null when the request names neither a user nor a group, or names them too long.
    /// </summary>
    public async Task<(LocalConversation Conversation, bool Created)?> StartAsync(StartConversationRequest request, CancellationToken cancellationToken)
    {
        var user = request.User is { Id: { Length: > 0 } id } && !string.IsNullOrWhiteSpace(id)
            ? new ChannelAccount { Id = id.Trim(), Name = request.User.Name?.Trim(), Role = UserRole }
            : null;
        if (user is { Id.Length: > LocalConversationStore.MaxUserIdLength } || request.Group?.Trim().Length > LocalConversationStore.MaxGroupNameLength)
        {
            return null;
        }
        (LocalConversation Conversation, bool Created) opened;
        if (!string.IsNullOrWhiteSpace(request.Group))
        {
            opened = await store.GetOrCreateGroupAsync(request.Group, cancellationToken);
        }
        else if (user is not null)
        {
            opened = await store.GetOrCreatePersonalAsync(user.Id!, cancellationToken);
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
        List<ChannelAccount> added = created ? [LocalBot.Account()] : [];
        if (user is not null && await store.AddMemberAsync(conversation, user, cancellationToken))
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
    /// Takes what a user wrote: stamps it and adds it to the transcript, where the other members see it
    /// (a card submit only as a shell, see <see cref="TranscriptCopy"/>).
    /// It goes to the bot unless it is a group-chat message that neither mentions the bot nor submits a
    /// card (members' talk among themselves, which Teams does not send to a bot either). Returns the
    /// activity id, or null when the bot did not take it (the activity is then taken back out).
    /// </summary>
    public async Task<string?> PostFromUserAsync(LocalConversation conversation, Activity activity, CancellationToken cancellationToken)
    {
        activity.From!.Id = activity.From.Id!.Trim();
        activity.From.Role = UserRole;
        StampInbound(conversation, activity);
        var forTheBot = !conversation.IsGroup || IsForTheBotInAGroup(activity);
        await store.AddMemberAsync(conversation, activity.From, cancellationToken);
        // The transcript keeps a card submit without its value (a ballot's choices); the bot gets it whole.
        var id = await store.AppendAsync(conversation, TranscriptCopy.Of(activity), cancellationToken);
        activity.Id = id;
        if (!forTheBot)
        {
            LocalChannelLog.GroupMessageNotForTheBot(logger, id, conversation.Id);
            return id;
        }
        if (await bot.DeliverAsync(activity, cancellationToken))
        {
            return id;
        }
        await store.RemoveAsync(conversation, id, cancellationToken);
        return null;
    }

    /// <summary>Takes what the bot sends (a new message, or a reply to <paramref name="replyToId"/>) into the transcript.</summary>
    public Task<string> PostFromBotAsync(LocalConversation conversation, Activity activity, string? replyToId, CancellationToken cancellationToken)
    {
        StampOutbound(conversation, activity);
        activity.ReplyToId ??= replyToId;
        return store.AppendAsync(conversation, activity, cancellationToken);
    }

    /// <summary>Replaces a message the bot sent earlier; false when there is no such activity.</summary>
    public Task<bool> UpdateFromBotAsync(LocalConversation conversation, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        StampOutbound(conversation, activity);
        return store.ReplaceAsync(conversation, activityId, activity, cancellationToken);
    }

    /// <summary>In a group: a message that mentions the bot (marked up as Teams does) or submits a card; anything that is not a message.</summary>
    private static bool IsForTheBotInAGroup(Activity activity)
    {
        var mentionsTheBot = BotMentionMarkup.Apply(activity);
        return activity.Type != ActivityTypes.Message || mentionsTheBot || activity.Value is not null;
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
