using System.Text.Json.Nodes;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests.Dialogs;

public sealed class HelpDialogTests
{
    [Theory]
    [InlineData("Trợ giúp")]
    [InlineData("tro giup")]
    [InlineData("Hướng dẫn")]
    [InlineData("huong dan?")]
    public void Commands_TypedHelpWords_AreMatched(string typed)
    {
        var dialog = new HelpDialog();

        Assert.Contains(CommandText.Normalize(typed), dialog.Commands);
    }

    [Fact]
    public void Verbs_HelpButton_IsHandled()
    {
        var dialog = new HelpDialog();

        Assert.Contains(CardVerbs.ShowHelp, dialog.Verbs);
    }

    [Fact]
    public async Task RunAsync_PersonalChat_RepliesWithHelpCardAndButtonPerCommand()
    {
        var dialog = new HelpDialog();

        var replies = await dialog.RunAsync(Turns.Personal("trợ giúp"), CancellationToken.None);

        var card = Assert.IsType<JsonObject>(Assert.Single(replies).Card);
        Assert.True(JsonNode.DeepEquals(HelpCard.Build(new HelpCardInput(InGroupConversation: false)), card));
        var verbs = CardJson.SubmitActions(card).Select(action => (string?)action["data"]![CardDataKeys.Verb]);
        Assert.Equal([CardVerbs.StartSelfReview, CardVerbs.ShowHelp, CardVerbs.ShowAbout], verbs);
        Assert.DoesNotContain(CardJson.VisibleTexts(card), text => text.Contains("@KiemDiemBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunAsync_GroupChat_TellsMembersToMentionTheBot()
    {
        var dialog = new HelpDialog();

        var replies = await dialog.RunAsync(Turns.Group("trợ giúp"), CancellationToken.None);

        var card = Assert.IsType<JsonObject>(Assert.Single(replies).Card);
        Assert.Contains(CardJson.VisibleTexts(card), text => text.Contains("@KiemDiemBot", StringComparison.Ordinal));
    }
}
