using System.Net;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Conversations;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Turns;

/// <summary>Whole turns through the real host: what the user gets back, and what the bot remembers.</summary>
public sealed class TurnFlowTests : IAsyncLifetime
{
    private ChannelBot bot = null!;

    private BotApplicationFactory Host => bot.Factory;

    public async Task InitializeAsync() => bot = await ChannelBot.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task PostMessage_AnsweredOkBeforeTheTurnRuns_RepliesArriveAfterwards()
    {
        var scene = TestScene.Personal();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Host.Help.Gate = gate;
        var message = scene.Message(BotApplicationFactory.HelpCommand);

        var response = await bot.PostAsync(scene, message);

        // Answered while the dialog is still held: the turn runs from the inbox, after the 200.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.False(Host.Connector.HasUnread);
        gate.SetResult();
        var welcome = await Host.Connector.NextAsync();
        Assert.Equal(TestWelcomeDialog.Reply, welcome.Activity.Text);
        var card = await Host.Connector.NextAsync();
        Assert.Equal(message["id"]!.GetValue<string>(), card.ReplyToActivityId);
        Assert.Equal(scene.ServiceUrl, card.ServiceUrl);
        Assert.Equal(scene.ConversationId, card.ConversationId);
        Assert.Equal(ActivityTypes.Message, card.Activity.Type);
        var attachment = Assert.Single(card.Activity.Attachments!);
        Assert.Equal(Attachment.AdaptiveCardContentType, attachment.ContentType);
        Assert.True(JsonNode.DeepEquals(TestCommandDialog.CardFor("help"), attachment.Content));
    }

    [Fact]
    public async Task PostInstall_WelcomeSentIntoTheConversation()
    {
        var scene = TestScene.Personal();
        var install = scene.Install();

        var response = await bot.PostAsync(scene, install);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await Host.Connector.NextAsync();
        Assert.Equal(TestWelcomeDialog.Reply, reply.Activity.Text);
        Assert.Equal(install["id"]!.GetValue<string>(), reply.ReplyToActivityId);
        Assert.Equal(scene.ConversationId, reply.ConversationId);
        Assert.Equal(scene.UserId, reply.Activity.Recipient?.Id);
        Assert.Equal(TestScene.BotId, reply.Activity.From?.Id);
    }

    [Fact]
    public async Task PostBotAddedToChannel_WelcomeSent()
    {
        var scene = TestScene.Channel();

        await bot.PostAsync(scene, scene.BotAdded());

        var reply = await Host.Connector.NextAsync();
        Assert.Equal(TestWelcomeDialog.Reply, reply.Activity.Text);
        var greeted = Assert.Single(Host.Welcome.Turns);
        Assert.True(greeted.IsGroup);
    }

    [Fact]
    public async Task PostFirstMessage_WelcomeOnly_SecondMessageGetsTheFallback()
    {
        var scene = TestScene.Personal();
        var first = scene.Message("xin chào");
        var second = scene.Message("xin chào");

        await bot.PostAsync(scene, first);
        var welcome = await Host.Connector.NextAsync();
        await bot.PostAsync(scene, second);
        var fallback = await Host.Connector.NextAsync();

        Assert.Equal(TestWelcomeDialog.Reply, welcome.Activity.Text);
        Assert.Equal(first["id"]!.GetValue<string>(), welcome.ReplyToActivityId);
        Assert.Equal(TestFallbackDialog.Reply, fallback.Activity.Text);
        Assert.Equal(second["id"]!.GetValue<string>(), fallback.ReplyToActivityId);
    }

    [Fact]
    public async Task PostInstall_TeamsAnnouncesItTwice_OneWelcome()
    {
        var scene = TestScene.Personal();

        await bot.PostAsync(scene, scene.BotAdded());
        await bot.PostAsync(scene, scene.Install());
        await bot.PostAsync(scene, scene.Message("xin chào"));

        Assert.Equal(TestWelcomeDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
        Assert.Equal(TestFallbackDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
    }

    [Fact]
    public async Task PostInstall_AfterUninstall_WelcomedAgain()
    {
        var scene = TestScene.Personal();

        await bot.PostAsync(scene, scene.Install());
        await bot.PostAsync(scene, scene.Install("remove"));
        await bot.PostAsync(scene, scene.Install());
        await bot.PostAsync(scene, scene.Message("xin chào"));

        Assert.Equal(TestWelcomeDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
        Assert.Equal(TestWelcomeDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
        Assert.Equal(TestFallbackDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
    }

    [Fact]
    public async Task PostFirstMessageInGroup_NoWelcomeForEachMember()
    {
        var scene = TestScene.Channel();

        await bot.PostAsync(scene, scene.MessageMentioningBot("xin chào"));

        Assert.Equal(TestFallbackDialog.Reply, (await Host.Connector.NextAsync()).Activity.Text);
        Assert.Empty(Host.Welcome.Turns);
    }

    [Fact]
    public async Task PostMessage_DialogFails_MemberIsToldAndTheNextMessageIsAnswered()
    {
        var scene = TestScene.Personal();
        await bot.PostAsync(scene, scene.Install());
        await Host.Connector.NextAsync();

        Host.Fallback.Fails = true;
        await bot.PostAsync(scene, scene.Message("abc"));
        var notice = await Host.Connector.NextAsync();
        Host.Fallback.Fails = false;
        await bot.PostAsync(scene, scene.Message("abc"));
        var answer = await Host.Connector.NextAsync();

        var card = Assert.Single(notice.Activity.Attachments!);
        Assert.True(JsonNode.DeepEquals(TurnFailedCard.Build(), card.Content));
        Assert.Equal(TestFallbackDialog.Reply, answer.Activity.Text);
    }

    [Fact]
    public async Task PostCardSubmit_AfterInstall_DialogOwningTheVerbAnswers()
    {
        var scene = TestScene.Personal();
        await bot.PostAsync(scene, scene.Install());
        await Host.Connector.NextAsync();

        await bot.PostAsync(scene, scene.Submit(new JsonObject { [CardDataKeys.Verb] = CardVerbs.ShowHelp, [CardDataKeys.CardVersion] = 1 }));

        var reply = await Host.Connector.NextAsync();
        Assert.Equal(Attachment.AdaptiveCardContentType, Assert.Single(reply.Activity.Attachments!).ContentType);
        var turn = Assert.Single(Host.Help.Turns);
        Assert.Equal(CardVerbs.ShowHelp, turn.Value?[CardDataKeys.Verb]?.GetValue<string>());
    }

    [Fact]
    public async Task PostChannelMessageMentioningTheBot_DialogSeesTheTextWithoutTheMention()
    {
        var scene = TestScene.Channel();
        await bot.PostAsync(scene, scene.BotAdded());
        await Host.Connector.NextAsync();

        await bot.PostAsync(scene, scene.MessageMentioningBot(BotApplicationFactory.HelpCommand));

        Assert.NotNull((await Host.Connector.NextAsync()).Activity.Attachments);
        var turn = Assert.Single(Host.Help.Turns);
        Assert.Equal(BotApplicationFactory.HelpCommand, turn.Text);
        Assert.True(turn.IsGroup);
    }

    [Fact]
    public async Task PostTwoActivities_ServiceUrlChanged_StoredReferenceFollows()
    {
        var scene = TestScene.Personal();
        var moved = scene with { ServiceUrl = "https://smba.trafficmanager.net/apac/" };

        await bot.PostAsync(scene, scene.Message("xin chào"));
        await Host.Connector.NextAsync();
        var before = await FindReferenceAsync(scene);
        await bot.PostAsync(moved, moved.Message("xin chào"));
        var reply = await Host.Connector.NextAsync();
        var after = await FindReferenceAsync(scene);

        Assert.Equal(scene.ServiceUrl, before?.ServiceUrl);
        Assert.Equal(moved.ServiceUrl, reply.ServiceUrl);
        Assert.NotNull(after);
        Assert.Equal(moved.ServiceUrl, after.ServiceUrl);
        Assert.Equal(scene.TenantId, after.TenantId);
        Assert.Equal(scene.UserAadObjectId, after.UserAadObjectId);
        Assert.Equal(TestScene.BotId, after.BotId);
        Assert.Equal(ConversationTypes.Personal, after.ConversationType);
    }

    [Fact]
    public async Task PostInvoke_ConversationReferenceStored()
    {
        var scene = TestScene.Personal();

        await bot.PostAsync(scene, scene.Invoke(TestInvokeHandler.InvokeName));

        var stored = await FindReferenceAsync(scene);
        Assert.Equal(scene.ServiceUrl, stored?.ServiceUrl);
    }

    private async Task<StoredConversationReference?> FindReferenceAsync(TestScene scene)
    {
        await using var scope = Host.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();
        return await store.FindAsync("msteams", scene.ConversationId, scene.UserId, CancellationToken.None);
    }

    [Fact]
    public async Task PostMessage_SenderOnNoRoster_GetsOneNotOnRosterCardAndNothingRuns()
    {
        var scene = TestScene.Personal() with { OnRoster = false };

        await bot.PostAsync(scene, scene.Message(BotApplicationFactory.HelpCommand));
        var reply = await Host.Connector.NextAsync();
        await bot.PostAsync(scene, scene.Message("xin chào"));
        var second = await Host.Connector.NextAsync();

        var expected = NotOnRosterCard.Build(new NotOnRosterCardInput("Nguyễn Văn An", null));
        Assert.True(JsonNode.DeepEquals(expected, Assert.Single(reply.Activity.Attachments!).Content));
        Assert.True(JsonNode.DeepEquals(expected, Assert.Single(second.Activity.Attachments!).Content));
        Assert.Empty(Host.Help.Turns);
        Assert.Empty(Host.Fallback.Turns);
        Assert.False(Host.Connector.HasUnread);
        Assert.Equal(2, Host.Connector.MemberRequestCount);
    }

    [Fact]
    public async Task PostMessage_TeamsUserKnownOnlyByEmail_IsMatchedThroughTheMembersCallOnce()
    {
        var scene = TestScene.Personal() with { OnRoster = false };
        await TestRoster_EnrolByEmailAsync("an.nguyen.test@demo.kiemdiem.vn");
        Host.Connector.AddMember(scene.ConversationId, new TeamsChannelAccount
        {
            Id = scene.UserId,
            Name = "Nguyễn Văn An",
            AadObjectId = scene.UserAadObjectId,
            Email = "An.Nguyen.Test@demo.kiemdiem.vn",
            UserPrincipalName = "an.nguyen.test@demo.kiemdiem.vn",
        });

        await bot.PostAsync(scene, scene.Message(BotApplicationFactory.HelpCommand));
        await Host.Connector.NextAsync();
        await Host.Connector.NextAsync();
        await bot.PostAsync(scene, scene.Message(BotApplicationFactory.HelpCommand));
        await Host.Connector.NextAsync();

        Assert.Equal(2, Host.Help.Turns.Count);
        Assert.All(Host.Help.Turns, turn => Assert.Equal("Nguyễn Văn An", turn.Member?.FullName));
        Assert.Equal(1, Host.Connector.MemberRequestCount);
    }

    private async Task TestRoster_EnrolByEmailAsync(string email)
    {
        await KiemDiemBot.Testing.TestRoster.SeedDemoAsync(Host.Services);
        await KiemDiemBot.Testing.TestRoster.EnrolAsync(Host.Services, email, "Nguyễn Văn An", entraObjectId: null);
    }
}
