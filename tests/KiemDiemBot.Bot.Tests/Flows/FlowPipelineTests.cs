using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>
/// The sample flow through the whole pipeline (token, inbox, lane, identity, engine, one commit, outbox,
/// Connector), as a member would use it from Teams: across a restart, with stale cards, doubled submits, two
/// places at once, and someone else's card.
/// </summary>
public abstract class FlowPipelineTests(StorageProvider provider) : IAsyncLifetime
{
    private MigratedStorage storage = null!;

    public async Task InitializeAsync() =>
        storage = await MigratedStorage.CreateAsync(provider, new FakeTimeProvider(BotApplicationFactory.Start));

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Task<ChannelBot> StartAsync(TestConnectorClient? connector = null) => ChannelBot.StartAsync(new TestHostSettings
    {
        Provider = storage.Provider,
        ConnectionString = storage.ConnectionString,
        Connector = connector,
        Services = services =>
        {
            services.AddScoped<IDialog>(p => p.GetRequiredService<FlowEngine>());
            services.AddKiemDiemFlow<SampleFlow>();
        },
    });

    [Fact]
    public async Task SampleFlow_HostRestartedBetweenSteps_TiepTucResumesAtTheSecondStep()
    {
        var scene = TestScene.Channel();
        SentActivity ageCard;
        await using (var first = await StartAsync())
        {
            var nameCard = await SayAsync(first, scene, "thử mẫu");
            await first.PostAsync(scene, Submit(scene, nameCard, SampleFlow.NameInput, "Lê Văn Tám"));
            await first.Factory.Connector.NextAsync();
            ageCard = await first.Factory.Connector.NextAsync();
        }

        await using var second = await StartAsync();
        var resumed = await SayAsync(second, scene, "tiếp tục");
        await second.PostAsync(scene, Submit(scene, resumed, SampleFlow.AgeInput, "45"));
        var replies = new[] { await second.Factory.Connector.NextAsync(), await second.Factory.Connector.NextAsync() };

        Assert.Contains(SampleFlow.AgeTitle, CardText(ageCard), StringComparison.Ordinal);
        Assert.Contains(SampleFlow.AgeTitle, CardText(resumed), StringComparison.Ordinal);
        Assert.Equal(resumed.SentId, replies[0].UpdatedActivityId);
        Assert.Contains(SampleFlow.DoneTitle, CardText(replies[1]), StringComparison.Ordinal);
        Assert.Contains("Lê Văn Tám", CardText(replies[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleFlow_OldCardAfterANewerStep_ChangesNothingAndIsReplacedWhileTheCurrentStepComesAgain()
    {
        await using var bot = await StartAsync();
        var scene = TestScene.Channel();
        var nameCard = await SayAsync(bot, scene, "thử mẫu");
        await bot.PostAsync(scene, Submit(scene, nameCard, SampleFlow.NameInput, "Lê Văn Tám"));
        await bot.Factory.Connector.NextAsync();
        await bot.Factory.Connector.NextAsync();

        await bot.PostAsync(scene, Submit(scene, nameCard, SampleFlow.NameInput, "Người khác"));
        var stale = await TakeAsync(bot, 2);
        var resumed = await SayAsync(bot, scene, "tiếp tục");

        var update = Assert.Single(stale, s => s.UpdatedActivityId is not null);
        var current = Assert.Single(stale, s => s.UpdatedActivityId is null);
        Assert.Equal(nameCard.SentId, update.UpdatedActivityId);
        Assert.True(JsonNode.DeepEquals(OutdatedCard.Build(), Content(update)));
        Assert.Equal(FlowTexts.FlowCardOutOfDate, current.Activity.Text);
        Assert.Contains(SampleFlow.AgeTitle, CardText(current), StringComparison.Ordinal);
        Assert.Equal(Data(current).ToJsonString(), Data(resumed).ToJsonString());
    }

    [Fact]
    public async Task SampleFlow_SameCardSubmittedTwiceAtOnce_TakesEffectOnce()
    {
        await using var bot = await StartAsync();
        var scene = TestScene.Channel();
        var nameCard = await SayAsync(bot, scene, "thử mẫu");

        await Task.WhenAll(
            bot.PostAsync(scene, Submit(scene, nameCard, SampleFlow.NameInput, "Lần một")),
            bot.PostAsync(scene, Submit(scene, nameCard, SampleFlow.NameInput, "Lần hai")));
        var replies = await TakeAsync(bot, 4);
        var done = await FinishAsync(bot, scene);

        Assert.Single(replies, r => r.Activity.Text == FlowTexts.FlowCardOutOfDate);
        Assert.Equal(2, replies.Count(r => r.UpdatedActivityId == nameCard.SentId));
        var winner = replies.First(r => r.UpdatedActivityId is not null && !JsonNode.DeepEquals(OutdatedCard.Build(), Content(r)));
        var winningName = CardText(winner).Contains("Lần một", StringComparison.Ordinal) ? "Lần một" : "Lần hai";
        Assert.Contains(winningName, CardText(done), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleFlow_TwoPlacesInterleaved_EachSeesTheOthersProgress()
    {
        await using var bot = await StartAsync();
        var personal = TestScene.Personal();
        var group = TestScene.Channel() with { UserId = personal.UserId, UserAadObjectId = personal.UserAadObjectId };
        await bot.PostAsync(personal, personal.Message("xin chào"));
        await TakeAsync(bot, 1);

        var nameInPersonal = await SayAsync(bot, personal, "thử mẫu");
        var nameInGroup = await SayAsync(bot, group, "tiếp tục");
        await bot.PostAsync(group, Submit(group, nameInGroup, SampleFlow.NameInput, "Trần Thị Bưởi"));
        await TakeAsync(bot, 2);
        await bot.PostAsync(personal, Submit(personal, nameInPersonal, SampleFlow.NameInput, "Tên cũ"));
        var stale = await TakeAsync(bot, 2);
        var done = await FinishAsync(bot, personal);

        Assert.Equal(Data(nameInPersonal).ToJsonString(), Data(nameInGroup).ToJsonString());
        Assert.Contains(stale, s => s.Activity.Text == FlowTexts.FlowCardOutOfDate && s.ConversationId == personal.ConversationId);
        Assert.Contains("Trần Thị Bưởi", CardText(done), StringComparison.Ordinal);
        Assert.DoesNotContain("Tên cũ", CardText(done), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleFlow_AnotherMembersCardInAGroup_IsRefusedAndChangesNothing()
    {
        await using var bot = await StartAsync();
        var owner = TestScene.Channel();
        var other = owner with { UserId = "29:1" + Guid.NewGuid().ToString("N"), UserAadObjectId = Guid.NewGuid().ToString() };
        var nameCard = await SayAsync(bot, owner, "thử mẫu");

        await bot.PostAsync(other, Submit(other, nameCard, SampleFlow.NameInput, "Kẻ mạo danh"));
        var refusal = await bot.Factory.Connector.NextAsync();
        await bot.PostAsync(owner, Submit(owner, nameCard, SampleFlow.NameInput, "Chủ thẻ"));
        var accepted = await TakeAsync(bot, 2);

        Assert.Equal(FlowTexts.FlowCardNotYours, refusal.Activity.Text);
        Assert.Null(refusal.UpdatedActivityId);
        Assert.Contains(accepted, r => r.UpdatedActivityId == nameCard.SentId && CardText(r).Contains("Chủ thẻ", StringComparison.Ordinal));
        Assert.Contains(accepted, r => CardText(r).Contains(SampleFlow.AgeTitle, StringComparison.Ordinal));
    }

    private static async Task<SentActivity> SayAsync(ChannelBot bot, TestScene scene, string text)
    {
        await bot.PostAsync(scene, scene.ConversationType == "personal" ? scene.Message(text) : scene.MessageMentioningBot(text));
        return await bot.Factory.Connector.NextAsync();
    }

    private static async Task<SentActivity> FinishAsync(ChannelBot bot, TestScene scene)
    {
        var age = await SayAsync(bot, scene, "tiếp tục");
        await bot.PostAsync(scene, Submit(scene, age, SampleFlow.AgeInput, "40"));
        var replies = await TakeAsync(bot, 2);
        return replies.Single(r => CardText(r).Contains(SampleFlow.DoneTitle, StringComparison.Ordinal));
    }

    private static async Task<List<SentActivity>> TakeAsync(ChannelBot bot, int count)
    {
        List<SentActivity> replies = [];
        for (var i = 0; i < count; i++)
        {
            replies.Add(await bot.Factory.Connector.NextAsync());
        }
        return replies;
    }

    /// <summary>What Teams posts when the member fills the card's input and presses its button.</summary>
    private static JsonObject Submit(TestScene scene, SentActivity card, string input, string answer)
    {
        var value = Data(card);
        value[input] = answer;
        var submit = scene.Submit(value);
        submit["replyToId"] = card.SentId;
        return submit;
    }

    private static JsonObject Content(SentActivity sent) => (JsonObject)Assert.Single(sent.Activity.Attachments!).Content!;

    private static string CardText(SentActivity sent) => Content(sent).ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private static JsonObject Data(SentActivity sent)
    {
        var submit = Content(sent).DescendantsAndSelf()
            .OfType<JsonObject>()
            .First(node => node["type"]?.GetValue<string>() == "Action.Submit");
        return (JsonObject)submit["data"]!.DeepClone();
    }
}

internal static class JsonNodeWalk
{
    public static IEnumerable<JsonNode> DescendantsAndSelf(this JsonNode node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject obj => obj.Select(p => p.Value),
            JsonArray array => array,
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
        {
            foreach (var descendant in child.DescendantsAndSelf())
            {
                yield return descendant;
            }
        }
    }
}

public sealed class SqliteFlowPipelineTests() : FlowPipelineTests(StorageProvider.Sqlite);

public sealed class PostgresFlowPipelineTests() : FlowPipelineTests(StorageProvider.PostgreSQL);
