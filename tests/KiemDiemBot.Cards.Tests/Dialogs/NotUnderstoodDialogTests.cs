using System.Text.Json.Nodes;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests.Dialogs;

public sealed class NotUnderstoodDialogTests
{
    [Fact]
    public async Task NotUnderstoodAsync_UnknownText_RepliesWithApologyAndHelpButton()
    {
        var dialog = new NotUnderstoodDialog();

        var replies = await dialog.NotUnderstoodAsync(Turns.Personal("xếp loại giúp tôi"), CancellationToken.None);

        var reply = Assert.Single(replies);
        Assert.Null(reply.Text);
        var card = Assert.IsType<JsonObject>(reply.Card);
        Assert.True(JsonNode.DeepEquals(NotUnderstoodCard.Build(new NotUnderstoodCardInput(CardCatalog.MemberName)), card));
        Assert.Contains(CardJson.VisibleTexts(card), text => text.StartsWith("Xin lỗi", StringComparison.Ordinal));
        var button = Assert.Single(CardJson.SubmitActions(card));
        Assert.Equal(CardVerbs.ShowHelp, (string?)button["data"]![CardDataKeys.Verb]);
    }

    [Fact]
    public async Task NotUnderstoodAsync_UnknownName_ApologisesWithoutPlaceholder()
    {
        var dialog = new NotUnderstoodDialog();

        var replies = await dialog.NotUnderstoodAsync(Turns.Group("???", userName: null), CancellationToken.None);

        var card = Assert.IsType<JsonObject>(Assert.Single(replies).Card);
        Assert.DoesNotContain(CardJson.VisibleTexts(card), text => text.Contains('{', StringComparison.Ordinal));
    }
}
