using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.EndToEnd;

/// <summary>The page and the local channel on their own, with <see cref="ScriptedBot"/> answering instead of the dialogs.</summary>
public sealed class LocalChannelPageTests
{
    [Fact]
    public async Task Page_BotAnswersWithACard_TheCardRendersAndItsButtonReachesTheBot()
    {
        using var bot = new ScriptedBot();
        await using var host = new LocalHost(services => services.AddSingleton<IStartupFilter>(bot));
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        await page.OpenAsync(host.BaseAddress, "tran.thi.binh@example.vn", "Trần Thị Bình");

        await page.SayAsync("xin chào");
        var menu = await page.WaitForCardAfterMessageAsync("xin chào", "menu");
        await WebChatPage.ClickFirstButtonAsync(menu);
        var answer = await page.WaitForCardAfterCardAsync("menu", "answer");

        await page.ScreenshotAsync("local-channel-page.png");
        Assert.Contains("Bạn đã chọn: guide", await answer.InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_Reopened_RemembersWhoYouAreAndShowsTheEarlierConversation()
    {
        using var bot = new ScriptedBot();
        await using var host = new LocalHost(services => services.AddSingleton<IStartupFilter>(bot));
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        await page.OpenAsync(host.BaseAddress, "le.van.cuong@example.vn", "Lê Văn Cường");
        await page.SayAsync("xin chào");
        await page.WaitForCardAfterMessageAsync("xin chào", "before");

        await page.Page.ReloadAsync();

        await page.WaitForCardAfterMessageAsync("xin chào", "after");
        Assert.Equal("le.van.cuong@example.vn", await page.Page.InputValueAsync("#user-email"));
    }

    [Fact]
    public async Task Page_TwoPeopleInTheSameGroup_EachSeesWhatTheOtherWroteAndOnlyAMentionReachesTheBot()
    {
        using var bot = new ScriptedBot();
        await using var host = new LocalHost(services => services.AddSingleton<IStartupFilter>(bot));
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var first = new WebChatPage(await chromium.Context.NewPageAsync());
        var second = new WebChatPage(await chromium.Context.NewPageAsync());
        await first.OpenAsync(host.BaseAddress, "pham.minh@example.vn", "Phạm Minh", group: "Chi bộ Thử");
        await second.OpenAsync(host.BaseAddress, "do.thu@example.vn", "Đỗ Thu", group: "Chi bộ Thử");

        await first.SayAsync("Chào chi bộ");
        await first.SayAsync("@KiemDiemBot cho xem việc");

        await second.WaitForCardAfterMessageAsync("@KiemDiemBot cho xem việc", "menu");
        await second.ScreenshotAsync("local-channel-group.png");
        var seenBySecond = second.Page.Locator(".webchat__bubble", new() { HasText = "Chào chi bộ" }).Last;
        Assert.Contains("Phạm Minh", await seenBySecond.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await second.Page.Locator(WebChatPage.CardSelector).CountAsync());
    }
}
