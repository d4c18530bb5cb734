namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>One HTTP request the fake Connector answered, in arrival order.</summary>
/// <param name="Operation">SendToConversation, ReplyToActivity, UpdateActivity, DeleteActivity, CreateConversation, GetPagedMembers, GetConversationMember or Unknown.</param>
public sealed record FakeConnectorRequest(string Method, string Operation, string? ConversationId, int Status, bool HadAuthorization)
{
    /// <summary>When it arrived, on the fake's clock.</summary>
    public DateTimeOffset At { get; init; }
}
