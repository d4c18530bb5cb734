namespace KiemDiemBot.Bot.Messaging;

/// <summary>What happened to one outgoing message.</summary>
public enum DeliveryOutcome
{
    /// <summary>The Connector accepted the activity.</summary>
    Sent,

    /// <summary>The Connector answered 403 MessageWritesBlocked; the conversation is now marked blocked.</summary>
    WritesBlocked,

    /// <summary>The conversation was already marked blocked: nothing was sent.</summary>
    SkippedBlocked,
}

/// <param name="ActivityId">The id the Connector gave the activity, when it was sent (needed to update it later).</param>
public sealed record DeliveryResult(DeliveryOutcome Outcome, string ConversationId, string? ActivityId)
{
    public bool IsSent => Outcome == DeliveryOutcome.Sent;
}
