using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Cards;

namespace KiemDiemBot.Bot.Tests.Turns;

public sealed class TurnRouterTests
{
    [Fact]
    public void Constructor_TwoDialogsClaimTheSameCommandSpelledDifferently_Throws()
    {
        var first = new TestCommandDialog("first", ["Trợ giúp"], []);
        var second = new TestCommandDialog("second", ["tro giup!"], []);

        var exception = Assert.Throws<InvalidOperationException>(() => new TurnRouter([first, second]));

        Assert.Contains("tro giup", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoDialogsClaimTheSameVerb_Throws()
    {
        var first = new TestCommandDialog("first", ["một"], [CardVerbs.ShowHelp]);
        var second = new TestCommandDialog("second", ["hai"], [CardVerbs.ShowHelp]);

        var exception = Assert.Throws<InvalidOperationException>(() => new TurnRouter([first, second]));

        Assert.Contains(CardVerbs.ShowHelp, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_CommandInAnyCaseOrAccents_RunsItsDialog()
    {
        var help = new TestCommandDialog("help", ["Trợ giúp"], []);
        var router = new TurnRouter([help]);

        var plan = router.Route(ToActivity(TestScene.Personal().Message("  TRO GIUP ")), isFirstContact: false);

        Assert.Equal(new TurnPlan(false, help, false), plan);
    }

    [Fact]
    public void Route_ChannelMessageMentioningTheBot_MentionIgnoredAndCommandRuns()
    {
        var help = new TestCommandDialog("help", ["Trợ giúp"], []);
        var router = new TurnRouter([help]);

        var plan = router.Route(ToActivity(TestScene.Channel().MessageMentioningBot("Trợ giúp")), isFirstContact: false);

        Assert.Same(help, plan.Dialog);
    }

    [Fact]
    public void Route_CommandAfterAMentionOfAnotherPerson_NotACommand()
    {
        var router = new TurnRouter([new TestCommandDialog("help", ["Trợ giúp"], [])]);
        var message = TestScene.Channel().Message("<at>Lan</at> Trợ giúp");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>Lan</at>",
            ["mentioned"] = new JsonObject { ["id"] = "29:1lan", ["name"] = "Lan" },
        });

        var plan = router.Route(ToActivity(message), isFirstContact: false);

        Assert.Equal(TurnPlan.FallbackOnly, plan);
    }

    [Fact]
    public void Route_CardSubmitWithAVerb_RunsTheDialogOwningTheVerb()
    {
        var help = new TestCommandDialog("help", ["Trợ giúp"], [CardVerbs.ShowHelp]);
        var about = new TestCommandDialog("about", ["Giới thiệu"], [CardVerbs.ShowAbout]);
        var router = new TurnRouter([help, about]);

        var plan = router.Route(
            ToActivity(TestScene.Personal().Submit(new JsonObject { [CardDataKeys.Verb] = CardVerbs.ShowAbout })),
            isFirstContact: false);

        Assert.Same(about, plan.Dialog);
    }

    [Fact]
    public void Route_CardSubmitWithAVerbNoDialogOwns_Fallback()
    {
        var router = new TurnRouter([new TestCommandDialog("help", ["Trợ giúp"], [CardVerbs.ShowHelp])]);

        var plan = router.Route(
            ToActivity(TestScene.Personal().Submit(new JsonObject { [CardDataKeys.Verb] = "ballot.cast" })),
            isFirstContact: false);

        Assert.Equal(TurnPlan.FallbackOnly, plan);
    }

    [Fact]
    public void Route_TextNoDialogKnows_Fallback()
    {
        var router = new TurnRouter([new TestCommandDialog("help", ["Trợ giúp"], [])]);

        var plan = router.Route(ToActivity(TestScene.Personal().Message("hôm nay họp không?")), isFirstContact: false);

        Assert.Equal(TurnPlan.FallbackOnly, plan);
    }

    [Fact]
    public void Route_FirstMessageIsACommand_WelcomeThenTheCommand()
    {
        var help = new TestCommandDialog("help", ["Trợ giúp"], []);
        var router = new TurnRouter([help]);

        var plan = router.Route(ToActivity(TestScene.Personal().Message("trợ giúp")), isFirstContact: true);

        Assert.Equal(new TurnPlan(true, help, false), plan);
    }

    [Fact]
    public void Route_FirstMessageIsNotACommand_WelcomeWithoutFallback()
    {
        var router = new TurnRouter([new TestCommandDialog("help", ["Trợ giúp"], [])]);

        var plan = router.Route(ToActivity(TestScene.Personal().Message("xin chào")), isFirstContact: true);

        Assert.Equal(TurnPlan.WelcomeOnly, plan);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("add-upgrade")]
    public void Route_AppInstalled_Welcome(string action)
    {
        var router = new TurnRouter([]);

        var plan = router.Route(ToActivity(TestScene.Personal().Install(action)), isFirstContact: true);

        Assert.Equal(TurnPlan.WelcomeOnly, plan);
    }

    [Fact]
    public void Route_AppUninstalled_Nothing()
    {
        var router = new TurnRouter([]);

        var plan = router.Route(ToActivity(TestScene.Personal().Install("remove")), isFirstContact: false);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Route_BotAddedToTheConversation_Welcome()
    {
        var router = new TurnRouter([]);

        var plan = router.Route(ToActivity(TestScene.Channel().BotAdded()), isFirstContact: true);

        Assert.Equal(TurnPlan.WelcomeOnly, plan);
    }

    [Fact]
    public void Route_SecondInstallEventOfTheSameInstall_Nothing()
    {
        var router = new TurnRouter([]);

        var plan = router.Route(ToActivity(TestScene.Personal().Install()), isFirstContact: false);

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Route_SomeoneElseAddedToTheConversation_Nothing()
    {
        var router = new TurnRouter([]);
        var update = TestScene.Channel().BotAdded();
        update["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:1newcomer" });

        var plan = router.Route(ToActivity(update), isFirstContact: true);

        Assert.True(plan.IsEmpty);
    }

    private static Activity ToActivity(JsonObject json) =>
        json.Deserialize<Activity>(ProtocolJson.Options) ?? throw new InvalidOperationException("null activity");
}
