using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Turns;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Secretary;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Secretary;

/// <summary>
/// The real host in Teams mode with the secretary's dialogs and the flow engine, on the demo organisation (seeded,
/// with its open cycle): demo members speak from their own personal chats, known by an Entra object id; members are
/// made reachable by a stored personal conversation, as after they first wrote to the bot.
/// </summary>
public sealed class SecretaryHost : IAsyncDisposable
{
    public const string AdminEmail = "quantri@test.kiemdiem.vn";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private SecretaryHost(ChannelBot bot) => Bot = bot;

    public ChannelBot Bot { get; }

    public IServiceProvider Services => Bot.Factory.Services;

    public TestConnectorClient Connector => Bot.Factory.Connector;

    /// <param name="services">More dialogs for the test (e.g. another part's stateless dialogs).</param>
    /// <param name="settings">More settings for the host (e.g. the Graph section).</param>
    public static async Task<SecretaryHost> StartAsync(
        StorageProvider provider = StorageProvider.Sqlite, string? connectionString = null, Action<IServiceCollection>? services = null,
        IReadOnlyDictionary<string, string>? settings = null)
    {
        var bot = await ChannelBot.StartAsync(new TestHostSettings
        {
            Provider = provider,
            ConnectionString = connectionString,
            Settings = new Dictionary<string, string>(settings ?? new Dictionary<string, string>()) { ["Review:AdminEmails:0"] = AdminEmail },
            Services = collection =>
            {
                collection.AddScoped<IDialog>(p => p.GetRequiredService<FlowEngine>());
                collection.AddScoped<IDialog, CellProgressDialog>();
                collection.AddScoped<IDialog, MarkCommentDialog>();
                collection.AddScoped<IDialog, RemindNowDialog>();
                services?.Invoke(collection);
            },
        });
        var host = new SecretaryHost(bot);
        await TestRoster.SeedDemoAsync(host.Services);
        return host;
    }

    /// <summary>A personal chat of the demo member with this code (who is linked to its object id).</summary>
    public async Task<TestScene> DemoMemberAsync(string code)
    {
        var scene = TestScene.Personal() with { OnRoster = false };
        await DemoPeople.LinkAsync(Services, code, Guid.Parse(scene.UserAadObjectId));
        return scene;
    }

    /// <summary>The administrator (<see cref="AdminEmail"/>, a member of the demo office cell) in a personal chat.</summary>
    public async Task<TestScene> AdminAsync()
    {
        var scene = TestScene.Personal() with { OnRoster = false };
        await TestRoster.EnrolAsync(Services, AdminEmail, "Quản Trị Viên", Guid.Parse(scene.UserAadObjectId));
        return scene;
    }

    /// <summary>A plain member of the demo office cell, new to the roster, in a personal chat.</summary>
    public static TestScene PlainMember() => TestScene.Personal();

    /// <summary>A member of the demo office cell added for the test, known by the scene's object id; answers their id.</summary>
    public async Task<Guid> EnrolAsync(TestScene scene, string fullName)
    {
        var email = scene.UserId.Replace(":", "-", StringComparison.Ordinal) + "@test.kiemdiem.vn";
        await TestRoster.EnrolAsync(Services, email, fullName, Guid.Parse(scene.UserAadObjectId));
        return await InScopeAsync(async s =>
            (await s.GetRequiredService<KiemDiemBot.Core.Identity.ITurnMemberDirectory>().FindByEmailAsync(email, CancellationToken.None))!.MemberId);
    }

    /// <summary>The demo member's meeting chat of their cell (a group chat named as the local channel names it), from their side.</summary>
    public async Task<TestScene> GroupChatAsync(string code) =>
        TestScene.Personal() with
        {
            ConversationId = "19:" + Guid.NewGuid().ToString("N") + "@thread.v2",
            ConversationType = "groupChat",
            OnRoster = false,
            UserAadObjectId = (await DemoMemberAsync(code)).UserAadObjectId,
        };

    /// <summary>Says <paramref name="text"/> in a group chat named <paramref name="chatName"/>, mentioning the bot; answers the reply.</summary>
    public async Task<SentActivity> SayInGroupAsync(TestScene scene, string chatName, string text)
    {
        var activity = scene.MessageMentioningBot(text);
        activity["conversation"]!["name"] = chatName;
        await Bot.PostAsync(scene, activity);
        return await Connector.NextAsync();
    }

    /// <summary>Makes the demo member reachable: links them and stores their personal chat with the bot (blocked: they blocked the bot since); answers that chat.</summary>
    public async Task<TestScene> ReachableAsync(string code, bool blocked = false)
    {
        var scene = await DemoMemberAsync(code);
        await using var scope = Services.CreateAsyncScope();
        var references = scope.ServiceProvider.GetRequiredService<IConversationReferenceStore>();
        await references.UpsertNowAsync(new StoredConversationReference(
            "msteams", scene.ConversationId, scene.UserId, scene.UserAadObjectId, TestScene.BotId, scene.ServiceUrl, scene.TenantId, "personal", "vi-VN"), CancellationToken.None);
        if (blocked)
        {
            await references.MarkWritesBlockedAsync("msteams", scene.ConversationId, CancellationToken.None);
        }
        return scene;
    }

    /// <summary>Says <paramref name="text"/> and answers the bot's reply (after the welcome a first message in a personal chat gets).</summary>
    public async Task<SentActivity> SayAsync(TestScene scene, string text)
    {
        await Bot.PostAsync(scene, scene.ConversationType == "personal" ? scene.Message(text) : scene.MessageMentioningBot(text));
        var reply = await Connector.NextAsync();
        return reply.Activity.Text == TestWelcomeDialog.Reply ? await Connector.NextAsync() : reply;
    }

    /// <summary>Presses the button titled <paramref name="button"/> on <paramref name="card"/> with the inputs filled as given; answers the replies.</summary>
    public Task<List<SentActivity>> PressAsync(TestScene scene, SentActivity card, string button, IReadOnlyDictionary<string, string>? inputs = null, int replies = 1) =>
        PressAsync(scene, card, SubmitAction(card, button), inputs, replies);

    /// <summary>Presses the button titled <paramref name="button"/> that is about <paramref name="memberId"/> (a progress card's row).</summary>
    public Task<List<SentActivity>> PressForAsync(TestScene scene, SentActivity card, string button, Guid memberId, int replies = 1) =>
        PressAsync(scene, card, SubmitActions(card).First(a => (string?)a["title"] == button && (string?)a["data"]!["memberId"] == memberId.ToString()), null, replies);

    private async Task<List<SentActivity>> PressAsync(TestScene scene, SentActivity card, JsonObject action, IReadOnlyDictionary<string, string>? inputs, int replies)
    {
        var value = (JsonObject)action["data"]!.DeepClone();
        foreach (var (id, answer) in inputs ?? new Dictionary<string, string>())
        {
            value[id] = answer;
        }
        var submit = scene.Submit(value);
        submit["replyToId"] = card.SentId;
        await Bot.PostAsync(scene, submit);
        return await TakeAsync(replies);
    }

    public async Task<List<SentActivity>> TakeAsync(int count)
    {
        List<SentActivity> taken = [];
        for (var i = 0; i < count; i++)
        {
            taken.Add(await Connector.NextAsync());
        }
        return taken;
    }

    /// <summary>
    /// Messages the bot sends on its own (to conversations other than the one a turn came from) are found by the
    /// dispatcher's poll: moves the clock a poll interval whenever the Connector is quiet, until
    /// <paramref name="count"/> arrived or nothing comes any more.
    /// </summary>
    public async Task<List<SentActivity>> ReceiveProactiveAsync(int count)
    {
        List<SentActivity> received = [];
        var idleRounds = 0;
        while (received.Count < count && idleRounds < 50)
        {
            if (await Connector.TryNextAsync(TimeSpan.FromMilliseconds(200)) is { } sent)
            {
                received.Add(sent);
                idleRounds = 0;
                continue;
            }
            idleRounds++;
            Bot.Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        return received;
    }

    /// <summary>True when the bot sends nothing more, even after several polls.</summary>
    public async Task<bool> StaysQuietAsync() => (await ReceiveProactiveAsync(1)).Count == 0;

    public static JsonObject Card(SentActivity sent) => (JsonObject)Assert.Single(sent.Activity.Attachments!).Content!;

    public static string CardText(SentActivity sent) => Card(sent).ToJsonString(Readable);

    public static JsonObject SubmitAction(SentActivity sent, string title) => SubmitActions(sent).First(node => (string?)node["title"] == title);

    public static IEnumerable<JsonObject> SubmitActions(SentActivity sent) =>
        Descendants(Card(sent)).OfType<JsonObject>().Where(node => (string?)node["type"] == "Action.Submit");

    public static IEnumerable<JsonObject> Inputs(SentActivity sent) =>
        Descendants(Card(sent)).OfType<JsonObject>().Where(node => ((string?)node["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => Bot.DisposeAsync();

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
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
            foreach (var nested in Descendants(child))
            {
                yield return nested;
            }
        }
    }
}
