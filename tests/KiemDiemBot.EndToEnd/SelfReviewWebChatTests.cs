using KiemDiemBot.Core.Demo;
using Microsoft.Playwright;

namespace KiemDiemBot.EndToEnd;

/// <summary>
/// A demo member writes and submits their whole self-review in Web Chat at a phone's width, card by card, as a
/// person would: typing in the boxes, ticking the grades, pressing the buttons. Screenshots of the first card,
/// a graded item and the level card are kept in test-artifacts/.
/// </summary>
public sealed class SelfReviewWebChatTests
{
    /// <summary>A member of the technology cell with no post and no cap, not a civil servant.</summary>
    private const string Email = "phuc.mai@" + DemoOrganisation.EmailDomain;

    [Fact]
    public async Task TuKiemDiem_ClickedThroughInWebChat_EveryPartSavedAndSubmitted()
    {
        await using var host = new LocalHost();
        await using var chromium = await HeadlessChromium.LaunchAsync();
        var browser = await chromium.Context.NewPageAsync();
        await browser.SetViewportSizeAsync(390, 844);
        var page = new WebChatPage(browser);
        try
        {
            await page.OpenAsync(host.BaseAddress, Email, "Mai Xuân Phúc");
            await page.SayAsync("tự kiểm điểm");

            var identity = await page.WaitForCardSayingAfterOwnMessageAsync("tự kiểm điểm", "Thông tin cá nhân", "identity");
            Assert.Equal("Mai Xuân Phúc", await identity.Locator("input").First.InputValueAsync());
            await ShootAsync(identity, "self-review-1-identity.png");
            await WebChatPage.ClickButtonAsync(identity, "Lưu và tiếp tục");

            var first = await NextAsync(page, "I.1.", "strength-1");
            await first.Locator("textarea").First.FillAsync("Chấp hành nghiêm chủ trương, đường lối của Đảng.");
            await TickAsync(first, "Tốt");
            await ShootAsync(first, "self-review-2-graded-item.png");
            await WebChatPage.ClickButtonAsync(first, "Lưu và tiếp tục");

            await GradedAsync(page, "I.2.", "strength-2", "Hoàn thành đúng hạn các nhiệm vụ được giao.", "Xuất sắc");
            await GradedAsync(page, "I.3.", "strength-3", "Thực hiện đầy đủ cam kết tu dưỡng, rèn luyện.", "Tốt");

            var shortcomings = await NextAsync(page, "II. Hạn chế", "shortcomings");
            await shortcomings.Locator("textarea").Nth(0).FillAsync("Có lúc chậm cập nhật văn bản mới.");
            await shortcomings.Locator("textarea").Nth(1).FillAsync("Chưa sắp xếp thời gian hợp lý.");
            await WebChatPage.ClickButtonAsync(shortcomings, "Lưu và tiếp tục");

            await GradedAsync(page, "III. Khắc phục", "remedy", "Đã khắc phục việc chậm báo cáo năm trước.", "Tốt");

            var measures = await NextAsync(page, "VI. Phương hướng", "measures");
            await measures.Locator("textarea").First.FillAsync("Cập nhật văn bản hằng tuần.");
            await WebChatPage.ClickButtonAsync(measures, "Lưu và tiếp tục");

            var level = await NextAsync(page, "VII. Tự nhận", "level");
            Assert.Contains("Hoàn thành xuất sắc nhiệm vụ", await level.InnerTextAsync(), StringComparison.Ordinal);
            await TickAsync(level, "Hoàn thành tốt nhiệm vụ");
            await ShootAsync(level, "self-review-3-level.png");
            await WebChatPage.ClickButtonAsync(level, "Lưu và tiếp tục");

            var summary = await NextAsync(page, "Bản tự kiểm điểm năm", "summary");
            var summaryText = await summary.InnerTextAsync();
            Assert.Contains("Cập nhật văn bản hằng tuần.", summaryText, StringComparison.Ordinal);
            Assert.Contains("Tự đánh giá: Xuất sắc", summaryText, StringComparison.Ordinal);
            await WebChatPage.ClickButtonAsync(summary, "Nộp");

            var submitted = await NextAsync(page, "Đã nộp bản tự kiểm điểm", "submitted");
            Assert.True(await submitted.Locator("button.ac-pushButton", new() { HasText = "Xuất file" }).IsVisibleAsync());
        }
        finally
        {
            await page.ScreenshotAsync("self-review-final.png");
        }
    }

    /// <summary>The card that says <paramref name="text"/> after the member's "tự kiểm điểm" (each part's card says its own title).</summary>
    private static Task<ILocator> NextAsync(WebChatPage page, string text, string mark) =>
        page.WaitForCardSayingAfterOwnMessageAsync("tự kiểm điểm", text, mark);

    private static async Task GradedAsync(WebChatPage page, string title, string mark, string text, string grade)
    {
        var card = await NextAsync(page, title, mark);
        await card.Locator("textarea").First.FillAsync(text);
        await TickAsync(card, grade);
        await WebChatPage.ClickButtonAsync(card, "Lưu và tiếp tục");
    }

    private static Task TickAsync(ILocator card, string choice) =>
        card.GetByLabel(choice, new() { Exact = true }).CheckAsync(new() { Timeout = 30_000 });

    private static async Task ShootAsync(ILocator card, string fileName)
    {
        await card.ScrollIntoViewIfNeededAsync();
        await card.ScreenshotAsync(new() { Path = TestArtifacts.PathFor(fileName) });
    }
}
