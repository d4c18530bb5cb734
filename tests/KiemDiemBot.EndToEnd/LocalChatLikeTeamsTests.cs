using KiemDiemBot.Core.Demo;
using KiemDiemBot.Testing;
using Microsoft.Playwright;

namespace KiemDiemBot.EndToEnd;

/// <summary>
/// The local chat behaves like Teams, with the real bot behind it: in a group only a mention gets an
/// answer, the bot shows its name and avatar, the page fits a phone, and the history survives a reload
/// and a restart of the host.
/// </summary>
public sealed class LocalChatLikeTeamsTests
{
    private const string MeetingChat = "Chi bộ Văn phòng Sở – họp kiểm điểm";
    private const string HelpCardTitle = "Các lệnh của KiemDiemBot";
    private const string NotUnderstood = "tôi chưa hiểu";

    [Fact]
    public async Task GroupChat_TalkAndThenAMention_OnlyTheMentionGetsAnAnswerShownWithTheBotsNameAndAvatar()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        try
        {
            await page.OpenAsMemberInMeetingChatAsync(host.BaseAddress, DemoOrganisation.LeaderEmail, MeetingChat);

            await page.SayAsync("Chào cả chi bộ, 14 giờ họp nhé");
            await page.SayAsync("@KiemDiemBot trợ giúp");
            var help = await page.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot trợ giúp", HelpCardTitle, "help");

            Assert.True(await help.IsVisibleAsync());
            Assert.Equal(0, await page.Page.Locator(".webchat__bubble", new() { HasText = NotUnderstood }).CountAsync());
            var botNamed = page.Page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) strong", new() { HasTextRegex = new("^KiemDiemBot$") });
            Assert.True(await botNamed.CountAsync() > 0, "the bot's messages in a group start with its name");
            Assert.True(await page.Page.Locator("img[src$='bot-avatar.svg']").CountAsync() > 0);
            Assert.Equal(MeetingChat, await page.Page.InputValueAsync("#group-name"));
            Assert.Equal("Nguyễn Văn Hùng", await page.Page.InputValueAsync("#user-name"));
        }
        finally
        {
            await page.ScreenshotAsync("group-mention.png");
        }
    }

    [Fact]
    public async Task GroupChat_TwoMembers_EachSeesTheOthersTalkWithTheirName()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var leader = new WebChatPage(await chromium.Context.NewPageAsync());
        var member = new WebChatPage(await chromium.Context.NewPageAsync());
        await leader.OpenAsMemberInMeetingChatAsync(host.BaseAddress, DemoOrganisation.LeaderEmail, MeetingChat);
        await member.OpenAsMemberInMeetingChatAsync(host.BaseAddress, DemoOrganisation.ProbationaryEmail, MeetingChat);

        await leader.SayAsync("Đồng chí Trang gửi bản tự kiểm điểm trước thứ Sáu nhé");
        await member.WaitForMessageAsync("gửi bản tự kiểm điểm trước thứ Sáu");

        var seen = member.Page.Locator(".webchat__bubble", new() { HasText = "gửi bản tự kiểm điểm trước thứ Sáu" }).Last;
        Assert.Contains("Nguyễn Văn Hùng", await seen.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await member.Page.Locator(".webchat__bubble", new() { HasText = NotUnderstood }).CountAsync());
        await member.ScreenshotAsync("group-two-members.png");
    }

    [Fact]
    public async Task Page_PhoneWidth390_FitsWithoutSidewaysScrollingAndTheChatWorks()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = await chromium.Context.NewPageAsync();
        await browser.SetViewportSizeAsync(390, 844);
        var page = new WebChatPage(browser);
        try
        {
            await page.OpenAsync(host.BaseAddress, DemoOrganisation.LeaderEmail, "Nguyễn Văn An");

            await page.SayAsync("trợ giúp");
            var help = await page.WaitForCardSayingAfterOwnMessageAsync("trợ giúp", HelpCardTitle, "help");

            await help.ScrollIntoViewIfNeededAsync();
            Assert.True(await help.IsVisibleAsync());
            Assert.True(await browser.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "the page scrolls sideways at 390 px");
            var sendBox = await browser.Locator("[data-id='webchat-sendbox-input']").BoundingBoxAsync();
            Assert.NotNull(sendBox);
            Assert.True(sendBox.X >= 0 && sendBox.X + sendBox.Width <= 390, $"the send box is cut off: x={sendBox.X}, width={sendBox.Width}");
            Assert.False(await browser.EvaluateAsync<bool>("() => document.getElementById('identity-panel').open"), "the form should fold away on a phone once connected");
        }
        finally
        {
            await browser.ScreenshotAsync(new() { Path = TestArtifacts.PathFor("phone-390.png"), FullPage = true });
        }
    }

    [Fact]
    public async Task Page_ReloadedAndHostRestarted_KeepsWhoYouAreTheGroupAndTheHistoryAndStillWorks()
    {
        using var database = new SqliteTestDatabase();
        var port = LocalHost.FreePort();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var page = new WebChatPage(await chromium.Context.NewPageAsync());
        await using (var before = new LocalHost(database: database, port: port))
        {
            await page.OpenAsMemberInMeetingChatAsync(before.BaseAddress, DemoOrganisation.LeaderEmail, MeetingChat);
            await page.SayAsync("@KiemDiemBot trợ giúp");
            await page.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot trợ giúp", HelpCardTitle, "before");

            await page.Page.ReloadAsync();
            await page.WaitForSendBoxAsync();
            await page.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot trợ giúp", HelpCardTitle, "after-reload");
        }

        await using var after = new LocalHost(database: database, port: port);
        await page.Page.ReloadAsync();
        await page.WaitForSendBoxAsync();
        var earlier = await page.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot trợ giúp", HelpCardTitle, "after-restart");
        await page.SayAsync("@KiemDiemBot giới thiệu");
        var welcome = await page.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot giới thiệu", "Xin chào đồng chí", "welcome");

        Assert.True(await earlier.IsVisibleAsync());
        Assert.True(await welcome.IsVisibleAsync());
        Assert.Equal(DemoOrganisation.LeaderEmail, await page.Page.InputValueAsync("#user-email"));
        Assert.Equal(MeetingChat, await page.Page.InputValueAsync("#group-name"));
        Assert.True(await page.Page.IsCheckedAsync("input[name='mode'][value='group']"));
        Assert.Equal(1, await page.Page.Locator("#known-people-select option", new() { HasText = DemoOrganisation.LeaderEmail }).CountAsync());
        await page.ScreenshotAsync("after-restart.png");
    }

    [Fact]
    public async Task Page_DemoMemberList_ShowsEachMembersCellAndPosts()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = await chromium.Context.NewPageAsync();
        await browser.GotoAsync(host.BaseAddress.AbsoluteUri);
        var leader = browser.Locator("#known-people-select optgroup[label='Chi bộ Văn phòng Sở'] option", new() { HasText = DemoOrganisation.LeaderEmail });
        await leader.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

        await browser.SelectOptionAsync("#known-people-select", DemoOrganisation.LeaderEmail);

        Assert.Contains("Bí thư", await leader.TextContentAsync() ?? "", StringComparison.Ordinal);
        var details = await browser.InnerTextAsync("#person-details");
        Assert.Contains("Chi bộ Văn phòng Sở", details, StringComparison.Ordinal);
        Assert.Contains("Bí thư, Ban Chấp hành Đảng bộ Sở Thông tin và Truyền thông", details, StringComparison.Ordinal);
    }
}
