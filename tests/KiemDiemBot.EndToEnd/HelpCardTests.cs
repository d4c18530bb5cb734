using KiemDiemBot.Core.Demo;

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
            await page.OpenAsync(host.BaseAddress, DemoOrganisation.LeaderEmail, "Nguyễn Văn An");

            await page.SayAsync("trợ giúp");
            var help = await page.WaitForCardSayingAfterOwnMessageAsync("trợ giúp", "Các lệnh của KiemDiemBot", "help");
            await WebChatPage.ClickButtonAsync(help, "Giới thiệu");
            var welcome = await page.WaitForCardSayingAfterCardAsync("help", "Xin chào đồng chí Nguyễn Văn An", "welcome");

            Assert.True(await help.IsVisibleAsync());
            Assert.True(await welcome.IsVisibleAsync());
        }
        finally
        {
            await page.ScreenshotAsync("help-card.png");
        }
    }

    [Fact]
    public async Task OpenPage_NewMember_WelcomeCardAppearsBeforeTheyWrite()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        try
        {
            await page.OpenAsync(host.BaseAddress, DemoOrganisation.NewMemberEmail, "Trần Thị Bình");

            var welcome = page.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Xin chào đồng chí Trần Thị Bình" });
            await welcome.First.WaitForAsync(new() { Timeout = 30_000 });

            Assert.Equal(1, await welcome.CountAsync());
        }
        finally
        {
            await page.ScreenshotAsync("welcome-card.png");
        }
    }

    [Fact]
    public async Task PickDemoMember_FreshEmbeddedStart_WelcomedByTheirName()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = await chromium.Context.NewPageAsync();
        try
        {
            await browser.GotoAsync(host.BaseAddress.AbsoluteUri);
            var choice = browser.Locator("#known-people-select option", new() { HasText = DemoOrganisation.LeaderEmail });
            await choice.WaitForAsync(new() { State = Microsoft.Playwright.WaitForSelectorState.Attached, Timeout = 30_000 });
            var label = await choice.TextContentAsync() ?? string.Empty;
            var name = label[..label.IndexOf(" (", StringComparison.Ordinal)];

            await browser.SelectOptionAsync("#known-people-select", DemoOrganisation.LeaderEmail);
            await browser.ClickAsync("#start-chat");
            var welcome = browser.Locator(WebChatPage.CardSelector, new() { HasText = "Xin chào đồng chí " + name });
            await welcome.First.WaitForAsync(new() { Timeout = 30_000 });

            Assert.Equal(DemoOrganisation.LeaderEmail, await browser.InputValueAsync("#user-email"));
            Assert.Equal(name, await browser.InputValueAsync("#user-name"));
        }
        finally
        {
            await browser.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("demo-member.png"), FullPage = true });
        }
    }
}
