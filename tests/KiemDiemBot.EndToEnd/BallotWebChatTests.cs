using KiemDiemBot.Core.Demo;
using Microsoft.Playwright;

namespace KiemDiemBot.EndToEnd;

/// <summary>
/// The issue's "Done when", tried as a new user would on the local chat page: the demo office cell's secretary
/// schedules the meeting in the cell's meeting chat (<c>lịch họp</c>), opens a ballot (<c>mở phiếu</c>), the five
/// official members present vote from their personal chats, the secretary closes it (<c>đóng phiếu</c>) and sees the
/// result card, the grassroots committee's secretary adopts it, and the secretary downloads the minutes and the
/// ranking list. Screenshots of each step are kept in test-artifacts/.
/// </summary>
public sealed class BallotWebChatTests
{
    private const string MeetingChat = "Chi bộ Văn phòng Sở – họp kiểm điểm";
    private const string Secretary = "huong.pham@" + DemoOrganisation.EmailDomain;

    /// <summary>The office cell's official members, not exempt: its voters (the secretary among them).</summary>
    private static readonly (string Email, string Name)[] Voters =
    [
        (Secretary, "Phạm Thị Hương"),
        (DemoOrganisation.LeaderEmail, "Nguyễn Văn Hùng"),
        ("nam.hoang@" + DemoOrganisation.EmailDomain, "Hoàng Văn Nam"),
        (DemoOrganisation.TemporaryMemberEmail, "Ngô Thị Bích Ngọc"),
        (DemoOrganisation.DisciplinedMemberEmail, "Phan Văn Long"),
    ];

    [Fact]
    public async Task Ballot_DoneWhenWalkInWebChat_ScheduledOpenedCastByFiveClosedAdoptedAndPapersDownloaded()
    {
        await using var host = new LocalHost();
        // A browser is one person's device: the page remembers who is using it, so each person gets a fresh one.
        await using var meetingBrowser = await HeadlessChromium.LaunchAsync();
        var meeting = new WebChatPage(await meetingBrowser.Context.NewPageAsync());
        try
        {
            await meeting.OpenAsMemberInMeetingChatAsync(host.BaseAddress, Secretary, MeetingChat);
            await meeting.SayAsync("@KiemDiemBot lịch họp");
            var schedule = await meeting.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot lịch họp", "họp kiểm điểm năm", "schedule");
            await WebChatPage.ClickButtonAsync(schedule, "Lưu lịch họp");
            var scheduled = await meeting.WaitForCardSayingAfterCardAsync("schedule", "họp kiểm điểm:", "scheduled");
            await ShootAsync(scheduled, "ballot-1-meeting.png");

            // Each voter has talked to the bot in their personal chat before: it can reach them.
            foreach (var (email, name) in Voters)
            {
                await using var device = await HeadlessChromium.LaunchAsync();
                var phone = new WebChatPage(await device.Context.NewPageAsync());
                await phone.OpenAsync(host.BaseAddress, email, name);
                await phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Xin chào đồng chí" }).First.WaitForAsync(new() { Timeout = 90_000 });
            }

            await meeting.SayAsync("@KiemDiemBot mở phiếu");
            var setup = await meeting.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot mở phiếu", "Mở phiếu xếp loại", "setup");
            await ShootAsync(setup, "ballot-2-setup.png");
            await WebChatPage.ClickButtonAsync(setup, "Mở phiếu");
            await meeting.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Đã bỏ phiếu 0/5" }).First.WaitForAsync(new() { Timeout = 90_000 });

            for (var i = 0; i < Voters.Length; i++)
            {
                await using var device = await HeadlessChromium.LaunchAsync();
                var phone = new WebChatPage(await device.Context.NewPageAsync());
                await phone.OpenAsync(host.BaseAddress, Voters[i].Email, Voters[i].Name);
                var ballot = phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Phiếu xếp loại chất lượng" }).Last;
                await ballot.WaitForAsync(new() { Timeout = 90_000 });
                foreach (var select in await ballot.Locator("select").AllAsync())
                {
                    await PickAsync(select);
                }
                if (i == 0)
                {
                    await ShootAsync(ballot, "ballot-3-ballot-card.png");
                }
                await WebChatPage.ClickButtonAsync(ballot, "Bỏ phiếu");
                var receipt = phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Đã nhận phiếu của đồng chí" }).Last;
                await receipt.WaitForAsync(new() { Timeout = 90_000 });
                if (i == 0)
                {
                    await ShootAsync(receipt, "ballot-4-receipt.png");
                }
            }
            var status = meeting.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Đã bỏ phiếu 5/5" }).First;
            await status.WaitForAsync(new() { Timeout = 90_000 });
            await ShootAsync(status, "ballot-5-status.png");

            await meeting.SayAsync("@KiemDiemBot đóng phiếu");
            var result = await meeting.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot đóng phiếu", "Kết quả bỏ phiếu xếp loại", "result");
            var resultText = await result.InnerTextAsync();
            Assert.Contains("Phiếu qua bot: 5/5", resultText, StringComparison.Ordinal);
            Assert.Contains("Phan Văn Long", resultText, StringComparison.Ordinal);
            await ShootAsync(result, "ballot-6-result.png");

            // The grassroots committee decides: its secretary (a member of this cell) adopts in the meeting chat.
            await using (var leaderBrowser = await HeadlessChromium.LaunchAsync())
            {
                var leader = new WebChatPage(await leaderBrowser.Context.NewPageAsync());
                await leader.OpenAsMemberInMeetingChatAsync(host.BaseAddress, DemoOrganisation.LeaderEmail, MeetingChat);
                await leader.SayAsync("@KiemDiemBot thông qua kết quả");
                var adopted = await leader.WaitForCardSayingAfterOwnMessageAsync("@KiemDiemBot thông qua kết quả", "Đã thông qua kết quả xếp loại", "adopted");
                await ShootAsync(adopted, "ballot-7-adopted.png");
            }

            // The papers: asked for on the result card in the meeting chat, handed over in the secretary's personal chat.
            var minutes = await DownloadAsync(host, meeting, "Xuất biên bản", "minutes");
            var list = await DownloadAsync(host, meeting, "Danh sách xếp loại", "list");
            Assert.True(minutes.Length > 1000 && minutes[0] == (byte)'P' && minutes[1] == (byte)'K', "the minutes are a .docx (a zip)");
            Assert.True(list.Length > 1000 && list[0] == (byte)'P' && list[1] == (byte)'K', "the ranking list is an .xlsx (a zip)");
            await File.WriteAllBytesAsync(TestArtifacts.PathFor("ballot-minutes.docx"), minutes);
            await File.WriteAllBytesAsync(TestArtifacts.PathFor("ballot-ranking-list.xlsx"), list);
        }
        finally
        {
            await meeting.ScreenshotAsync("ballot-final-meeting-chat.png");
        }
    }

    /// <summary>Picks "HTTNV" where the subject's caps allow it, else the one level allowed.</summary>
    private static async Task PickAsync(ILocator select)
    {
        var options = await select.Locator("option").AllInnerTextsAsync();
        var choice = options.Contains("HTTNV") ? "HTTNV" : options.Last(o => o is "HTXSNV" or "HTNV" or "KHTNV");
        await select.SelectOptionAsync(new SelectOptionValue { Label = choice });
    }

    /// <summary>
    /// Presses <paramref name="button"/> on the result card in the meeting chat; then, in the secretary's personal
    /// chat, "Nhận tệp" on the card that arrives there, then the download link's button; answers the file's bytes.
    /// </summary>
    private static async Task<byte[]> DownloadAsync(LocalHost host, WebChatPage meeting, string button, string mark)
    {
        var result = meeting.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Kết quả bỏ phiếu xếp loại" }).Last;
        await result.WaitForAsync(new() { Timeout = 90_000 });
        var said = meeting.Page.Locator(".webchat__bubble", new() { HasText = "trò chuyện riêng của đồng chí" });
        var before = await said.CountAsync();
        await WebChatPage.ClickButtonAsync(result, button);
        await said.Nth(before).WaitForAsync(new() { Timeout = 90_000 });
        await using var device = await HeadlessChromium.LaunchAsync();
        var phone = new WebChatPage(await device.Context.NewPageAsync());
        await phone.OpenAsync(host.BaseAddress, Secretary, "Phạm Thị Hương");
        // The n-th paper asked for is the n-th "Nhận tệp" card in the personal chat.
        var ready = phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Nhận tệp" }).Nth(before);
        await ready.WaitForAsync(new() { Timeout = 90_000 });
        var links = await phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Tải tệp về" }).CountAsync();
        await WebChatPage.ClickButtonAsync(ready, "Nhận tệp");
        var download = phone.Page.Locator(WebChatPage.CardSelector, new() { HasText = "Tải tệp về" }).Nth(links);
        await download.WaitForAsync(new() { Timeout = 90_000 });
        await ShootAsync(download, $"ballot-8-{mark}-download.png");
        // Web Chat opens an OpenUrl button's address in a new window: catch the address and fetch it as the browser would.
        await phone.Page.EvaluateAsync("() => { window.__opened = []; window.open = (url) => { window.__opened.push(url); return null; }; }");
        await WebChatPage.ClickButtonAsync(download, "Tải tệp về");
        var url = await phone.Page.EvaluateAsync<string>("() => window.__opened[window.__opened.length - 1]");
        var response = await phone.Page.APIRequest.GetAsync(url);
        Assert.Equal(200, response.Status);
        return await response.BodyAsync();
    }

    private static async Task ShootAsync(ILocator card, string fileName)
    {
        await card.ScrollIntoViewIfNeededAsync();
        await card.ScreenshotAsync(new() { Path = TestArtifacts.PathFor(fileName) });
    }
}
