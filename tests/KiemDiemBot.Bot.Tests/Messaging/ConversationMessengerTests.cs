using System.Net;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Messaging;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Messaging;

public sealed class ConversationMessengerTests
{
    private const string Channel = "msteams";
    private const string UserId = "29:1aK9mYhSZ3egG5Ve2UaOoEjrOppWz-member";
    private const string BotId = "28:" + OutboundHarness.AppId;

    [Fact]
    public async Task SendAsync_UserBlockedBotOnSqlite_MarksConversationAndSkipsLaterSends()
    {
        using var database = new SqliteTestDatabase();
        await AssertBlockedConversationIsRememberedAsync(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = database.ConnectionString });
    }

    [Fact]
    public async Task SendAsync_UserBlockedBotOnPostgres_MarksConversationAndSkipsLaterSends()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        await AssertBlockedConversationIsRememberedAsync(new StorageOptions { Provider = StorageProvider.PostgreSQL, ConnectionString = database.ConnectionString });
    }

    [Fact]
    public async Task SendAsync_AppNotInstalled_ThrowsAndLeavesConversationWritable()
    {
        using var database = new SqliteTestDatabase();
        await using var harness = await StartAsync(database);
        var conversation = await StoreAsync(harness, Reference(harness, "a:not-installed"));
        harness.Connector.AddConversation(conversation.ConversationId);
        harness.Connector.FailNext(1, FakeConnectorFailure.ForbiddenOperation);
        await using var scope = harness.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IConversationMessenger>();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => messenger.SendAsync(conversation, Message("hello"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.False(await IsBlockedAsync(harness, conversation));
    }

    [Fact]
    public async Task SendAsync_OneActivityToTwoConversations_EachGetsItsOwnAddressedCopy()
    {
        using var database = new SqliteTestDatabase();
        await using var harness = await StartAsync(database);
        var first = await StoreAsync(harness, Reference(harness, "a:chat-one"));
        var second = await StoreAsync(harness, Reference(harness, "a:chat-two") with { UserId = "29:second-member" });
        harness.Connector.AddConversation(first.ConversationId);
        harness.Connector.AddConversation(second.ConversationId);
        var template = Message("reminder");
        await using var scope = harness.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IConversationMessenger>();

        var results = new[]
        {
            await messenger.SendAsync(first, template, CancellationToken.None),
            await messenger.SendAsync(second, template, CancellationToken.None),
        };

        Assert.All(results, r => Assert.Equal(DeliveryOutcome.Sent, r.Outcome));
        var received = harness.Connector.Activities;
        Assert.Equal(results.Select(r => r.ActivityId), received.Select(a => a.ActivityId));
        Assert.Equal(["a:chat-one", "a:chat-two"], received.Select(a => a.Activity.Conversation?.Id));
        Assert.Equal([UserId, "29:second-member"], received.Select(a => a.Activity.Recipient?.Id));
        Assert.All(received, a => Assert.Equal(BotId, a.Activity.From?.Id));
        Assert.Null(template.Conversation);
        Assert.Null(template.Recipient);
    }

    [Fact]
    public async Task SendToUserAsync_UserWithoutChat_CreatesChatOnceAndStoresIt()
    {
        using var database = new SqliteTestDatabase();
        await using var harness = await StartAsync(database);
        var recipient = new ProactiveRecipient(Channel, harness.Connector.ServiceUrl, OutboundHarness.TenantId, UserId, "aad-object-id", BotId);
        await using var scope = harness.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IConversationMessenger>();

        var first = await messenger.SendToUserAsync(recipient, Message("first"), CancellationToken.None);
        var second = await messenger.SendToUserAsync(recipient, Message("second"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Sent, first.Outcome);
        Assert.StartsWith("a:", first.ConversationId, StringComparison.Ordinal);
        Assert.Equal(first.ConversationId, second.ConversationId);
        Assert.Equal(["first", "second"], harness.Connector.Activities.Select(a => a.Activity.Text));
        var stored = await FindPersonalAsync(harness, UserId);
        Assert.NotNull(stored);
        Assert.Equal((first.ConversationId, OutboundHarness.TenantId, "personal"), (stored.ConversationId, stored.TenantId, stored.ConversationType));
    }

    [Fact]
    public async Task SendToUserAsync_UserBlockedBot_MarksTheCreatedChatBlocked()
    {
        using var database = new SqliteTestDatabase();
        await using var harness = await StartAsync(database);
        var recipient = new ProactiveRecipient(Channel, harness.Connector.ServiceUrl, OutboundHarness.TenantId, UserId);
        await using var scope = harness.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IConversationMessenger>();
        var created = await messenger.SendToUserAsync(recipient, Message("welcome"), CancellationToken.None);
        harness.Connector.FailNext(1, FakeConnectorFailure.MessageWritesBlocked, operation: "SendToConversation");

        var blocked = await messenger.SendToUserAsync(recipient, Message("reminder"), CancellationToken.None);
        var skipped = await messenger.SendToUserAsync(recipient, Message("second reminder"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.WritesBlocked, blocked.Outcome);
        Assert.Equal(DeliveryOutcome.SkippedBlocked, skipped.Outcome);
        Assert.Equal(created.ConversationId, skipped.ConversationId);
        Assert.Equal(2, harness.Connector.CountRequests("SendToConversation"));
        Assert.Equal(3, harness.Connector.CountRequests("CreateConversation"));
        Assert.Equal(["welcome"], harness.Connector.Activities.Select(a => a.Activity.Text));
    }

    private static async Task AssertBlockedConversationIsRememberedAsync(StorageOptions storage)
    {
        await using var harness = await OutboundHarness.StartAsync(storage: storage);
        var conversation = await StoreAsync(harness, Reference(harness, "a:blocked-chat"));
        harness.Connector.AddConversation(conversation.ConversationId);
        harness.Connector.FailNext(1, FakeConnectorFailure.MessageWritesBlocked);

        DeliveryResult first;
        await using (var scope = harness.CreateScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<IConversationMessenger>().SendAsync(conversation, Message("reminder"), CancellationToken.None);
        }
        DeliveryResult later;
        await using (var scope = harness.CreateScope())
        {
            later = await scope.ServiceProvider.GetRequiredService<IConversationMessenger>().SendAsync(conversation, Message("second reminder"), CancellationToken.None);
        }

        Assert.Equal(DeliveryOutcome.WritesBlocked, first.Outcome);
        Assert.Equal(DeliveryOutcome.SkippedBlocked, later.Outcome);
        Assert.Equal(1, harness.Connector.CountRequests("SendToConversation"));
        Assert.Empty(harness.Connector.Activities);
        Assert.False(harness.Time.HasPendingDelay);
        var stored = await FindAsync(harness, conversation);
        Assert.Equal(harness.Time.GetUtcNow(), stored?.WritesBlockedAt);
    }

    private static Task<OutboundHarness> StartAsync(SqliteTestDatabase database) =>
        OutboundHarness.StartAsync(storage: new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = database.ConnectionString });

    private static StoredConversationReference Reference(OutboundHarness harness, string conversationId) =>
        new(Channel, conversationId, UserId, "aad-object-id", BotId, harness.Connector.ServiceUrl, OutboundHarness.TenantId, "personal", "vi-VN");

    private static async Task<StoredConversationReference> StoreAsync(OutboundHarness harness, StoredConversationReference reference)
    {
        await using var scope = harness.CreateScope();
        await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().UpsertNowAsync(reference, CancellationToken.None);
        return reference;
    }

    private static async Task<bool> IsBlockedAsync(OutboundHarness harness, StoredConversationReference conversation)
    {
        await using var scope = harness.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>()
            .IsWritesBlockedAsync(conversation.ChannelId, conversation.ConversationId, CancellationToken.None);
    }

    private static async Task<StoredConversationReference?> FindAsync(OutboundHarness harness, StoredConversationReference conversation)
    {
        await using var scope = harness.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>()
            .FindAsync(conversation.ChannelId, conversation.ConversationId, conversation.UserId, CancellationToken.None);
    }

    private static async Task<StoredConversationReference?> FindPersonalAsync(OutboundHarness harness, string userId)
    {
        await using var scope = harness.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>().FindPersonalAsync(Channel, userId, CancellationToken.None);
    }

    private static Activity Message(string text) => new() { Type = ActivityTypes.Message, Text = text };
}
