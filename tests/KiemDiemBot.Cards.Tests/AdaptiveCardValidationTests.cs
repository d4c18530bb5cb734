using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>Every card the bot can send passes the official adaptivecards library at schema 1.5.</summary>
[Collection(CardValidatorCollection.Name)]
public sealed class AdaptiveCardValidationTests(CardValidatorFixture validator)
{
    [Fact]
    public async Task ValidateAsync_EveryCard_ReportsNoErrors()
    {
        var result = await validator.ValidateAsync(CardCatalog.All());

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public async Task ValidateAsync_CardAboveVersion15_ReportsUnsupportedCardVersion()
    {
        var card = WelcomeCard.Build(new WelcomeCardInput(CardCatalog.MemberName));
        card["version"] = "1.6";

        var result = await validator.ValidateAsync([("welcome-1.6", card)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Event == "UnsupportedCardVersion");
    }

    [Fact]
    public async Task ValidateAsync_UnknownElement_ReportsUnknownElementType()
    {
        var card = HelpCard.Build(new HelpCardInput(InGroupConversation: false));
        card["body"]!.AsArray().Add(new JsonObject { ["type"] = "Carousel2" });

        var result = await validator.ValidateAsync([("help-unknown-element", card)]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.Event == "UnknownElementType");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Build_AnyCard_StatesAdaptiveCardVersionAtMost15(string name)
    {
        var card = CardCatalog.Get(name);

        Assert.Equal("AdaptiveCard", CardJson.TypeOf(card));
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", (string?)card["$schema"]);
        var version = Version.Parse((string)card["version"]!);
        Assert.True(version <= new Version(1, 5), $"{name} states version {version}, above Teams' 1.5.");
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Build_AnyCard_HasNoActionExecute(string name)
    {
        var card = CardCatalog.Get(name);

        Assert.DoesNotContain(CardJson.Actions(card), action => CardJson.TypeOf(action) == "Action.Execute");
        Assert.All(CardJson.Actions(card), action => Assert.Contains(CardJson.TypeOf(action), new[] { "Action.Submit", "Action.OpenUrl" }));
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Build_AnySubmitAction_CarriesVerbAndCardVersion(string name)
    {
        var card = CardCatalog.Get(name);

        var submits = CardJson.SubmitActions(card).ToList();
        if (!CardCatalog.ReadOnly.Contains(name))
        {
            Assert.NotEmpty(submits);
        }
        Assert.All(submits, submit =>
        {
            var data = Assert.IsType<JsonObject>(submit["data"]);
            Assert.False(string.IsNullOrEmpty((string?)data[CardDataKeys.Verb]));
            Assert.True((int?)data[CardDataKeys.CardVersion] > 0);
        });
    }

    [Theory]
    [MemberData(nameof(CardNames))]
    public void Build_ReadOnlyCard_HasNoActionAtAll(string name)
    {
        var card = CardCatalog.Get(name);

        if (CardCatalog.ReadOnly.Contains(name))
        {
            Assert.Empty(CardJson.Actions(card));
        }
        else
        {
            Assert.NotEmpty(CardJson.Actions(card));
        }
    }

    public static TheoryData<string> CardNames() => CardCatalog.Names();
}
