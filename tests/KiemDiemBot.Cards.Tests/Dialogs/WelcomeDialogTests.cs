using System.Text.Json.Nodes;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests.Dialogs;

public sealed class WelcomeDialogTests
{
    [Theory]
    [InlineData("Giới thiệu")]
    [InlineData("gioi thieu")]
    [InlineData("GIỚI THIỆU!")]
    public void Commands_TypedGioiThieu_AreMatched(string typed)
    {
        var dialog = new WelcomeDialog();

        Assert.Contains(CommandText.Normalize(typed), dialog.Commands);
    }

    [Fact]
    public void Verbs_AboutButton_IsHandled()
    {
        var dialog = new WelcomeDialog();

        Assert.Contains(CardVerbs.ShowAbout, dialog.Verbs);
    }

    [Fact]
    public async Task RunAsync_NamedMember_RepliesWithWelcomeCardGreetingByName()
    {
        var dialog = new WelcomeDialog();

        var replies = await dialog.RunAsync(Turns.Personal("giới thiệu"), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Null(reply.Text);
        var card = Assert.IsType<JsonObject>(reply.Card);
        Assert.True(JsonNode.DeepEquals(WelcomeCard.Build(new WelcomeCardInput(CardCatalog.MemberName)), card));
        Assert.Contains(CardJson.VisibleTexts(card), text => text.Contains(CardCatalog.MemberName, StringComparison.Ordinal));
        var verbs = CardJson.SubmitActions(card).Select(action => (string?)action["data"]![CardDataKeys.Verb]);
        Assert.Equal([CardVerbs.StartSelfReview, CardVerbs.ShowHelp], verbs);
    }

    [Fact]
    public async Task WelcomeAsync_UnknownName_GreetsWithoutPlaceholder()
    {
        var dialog = new WelcomeDialog();

        var replies = await dialog.WelcomeAsync(Turns.Personal(text: null, userName: null), CancellationToken.None);

        var card = Assert.IsType<JsonObject>(Assert.Single(replies).Card);
        Assert.True(JsonNode.DeepEquals(WelcomeCard.Build(new WelcomeCardInput(null)), card));
        Assert.DoesNotContain(CardJson.VisibleTexts(card), text => text.Contains('{', StringComparison.Ordinal));
    }
}
