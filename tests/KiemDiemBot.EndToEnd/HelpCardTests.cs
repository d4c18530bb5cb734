namespace KiemDiemBot.EndToEnd;

/// <summary>The whole path a person takes: the page, Web Chat, the local channel, the bot's help card and its buttons.</summary>
public sealed class HelpCardTests
{
    [Fact]
    public async Task HelpCommand_TypedInWebChat_HelpCardRendersAndAButtonBringsTheNextCard()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        try
        {
            await page.OpenAsync(host.BaseAddress, "nguyen.van.an@example.vn", "Nguyễn Văn An");

            await page.SayAsync("trợ giúp");
            var help = await page.WaitForCardAfterMessageAsync("trợ giúp", "help");
            await WebChatPage.ClickFirstButtonAsync(help);
            var next = await page.WaitForCardAfterCardAsync("help", "next");

            Assert.True(await next.IsVisibleAsync());
        }
        finally
        {
            await page.ScreenshotAsync("help-card.png");
        }
    }
}
