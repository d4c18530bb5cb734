using Microsoft.Playwright;

namespace KiemDiemBot.EndToEnd;

/// <summary>The local channel's page as a person uses it: pick who you are, write in Web Chat, click card buttons.</summary>
internal sealed class WebChatPage(IPage page)
{
    /// <summary>Web Chat's rendering of an Adaptive Card.</summary>
    public const string CardSelector = ".ac-adaptiveCard";

    private const string SendBoxSelector = "[data-id='webchat-sendbox-input']";
    private const string MarkAttribute = "data-e2e-mark";
    private static readonly float Timeout = 30_000;

    // Marks the first card (containing cardText, when given) that comes after the last element matching the
    // anchor selector (and containing the anchor text, when given) in the transcript, so the test can follow
    // one card without counting. The mark goes on the card's transcript entry, which React keeps: Web Chat may
    // render a card's own element again (a new element, without the mark) while the test is following it.
    private const string MarkCardAfterScript = """
        ([anchorSelector, anchorText, mark, cardText]) => {
          const anchors = [...document.querySelectorAll(anchorSelector)]
            .filter(a => !anchorText || a.textContent.includes(anchorText));
          const anchor = anchors[anchors.length - 1];
          if (!anchor) return false;
          const card = [...document.querySelectorAll('.ac-adaptiveCard')]
            .find(c => !anchor.contains(c) && !c.closest('[data-e2e-mark]')
              && (!cardText || c.textContent.includes(cardText))
              && (anchor.compareDocumentPosition(c) & Node.DOCUMENT_POSITION_FOLLOWING));
          if (!card) return false;
          (card.closest('.webchat__basic-transcript__activity') ?? card).setAttribute('data-e2e-mark', mark);
          return true;
        }
        """;

    public IPage Page => page;

    /// <summary>Opens the page as this person, in their personal chat or, with <paramref name="group"/>, in that group chat.</summary>
    public async Task OpenAsync(Uri baseAddress, string email, string name, string? group = null)
    {
        await page.GotoAsync(baseAddress.AbsoluteUri);
        await page.FillAsync("#user-email", email);
        // The page fills in a roster member's name when their e-mail is left; let it, then type over it.
        await page.Locator("#user-email").DispatchEventAsync("change");
        await page.FillAsync("#user-name", name);
        if (group is not null)
        {
            await page.CheckAsync("input[name='mode'][value='group']");
            await page.FillAsync("#group-name", group);
        }
        await page.ClickAsync("#start-chat");
        await page.WaitForSelectorAsync(SendBoxSelector, new() { Timeout = Timeout });
    }

    /// <summary>
    /// Opens the page as this roster member, picked from the page's list of members, in the group chat picked
    /// from its list of the cells' meeting chats.
    /// </summary>
    public async Task OpenAsMemberInMeetingChatAsync(Uri baseAddress, string email, string meetingChat)
    {
        await page.GotoAsync(baseAddress.AbsoluteUri);
        await page.Locator("#known-people-select option", new() { HasText = email })
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
        await page.SelectOptionAsync("#known-people-select", email);
        await page.CheckAsync("input[name='mode'][value='group']");
        await page.Locator("#known-groups-select option", new() { HasText = meetingChat })
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = Timeout });
        await page.SelectOptionAsync("#known-groups-select", meetingChat);
        await page.ClickAsync("#start-chat");
        await page.WaitForSelectorAsync(SendBoxSelector, new() { Timeout = Timeout });
    }

    /// <summary>Waits until a message bubble with this text is shown, whoever wrote it.</summary>
    public Task WaitForMessageAsync(string text) =>
        page.Locator(".webchat__bubble", new() { HasText = text }).Last.WaitForAsync(new() { Timeout = Timeout });

    /// <summary>Waits until the send box is ready again (after a reload, when the page reconnects by itself).</summary>
    public Task WaitForSendBoxAsync() =>
        page.WaitForSelectorAsync(SendBoxSelector, new() { Timeout = Timeout });

    public async Task SayAsync(string text)
    {
        var input = page.Locator(SendBoxSelector);
        await input.FillAsync(text);
        // Web Chat ignores Enter while it is still connecting and leaves the text in the box; it empties the box
        // the moment it takes a message, so pressing again while the text is still there cannot send it twice.
        for (var attempt = 1; ; attempt++)
        {
            await input.PressAsync("Enter");
            try
            {
                await page.WaitForFunctionAsync(
                    "selector => document.querySelector(selector)?.value === ''", SendBoxSelector, new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 6)
            {
                await input.FocusAsync();
            }
        }
        await page.Locator(".webchat__bubble--from-user", new() { HasText = text }).Last.WaitForAsync(new() { Timeout = Timeout });
    }

    /// <summary>Waits for the first card the bot sends after the (last) message with this text, whoever wrote it.</summary>
    public async Task<ILocator> WaitForCardAfterMessageAsync(string text, string mark)
    {
        await page.WaitForFunctionAsync(MarkCardAfterScript, new[] { ".webchat__bubble", text, mark, "" }, new() { Timeout = Timeout });
        return CardMarked(mark);
    }

    /// <summary>Waits for the first card that says <paramref name="cardText"/> after this person's own (last) message.</summary>
    public async Task<ILocator> WaitForCardSayingAfterOwnMessageAsync(string text, string cardText, string mark)
    {
        await page.WaitForFunctionAsync(MarkCardAfterScript, new[] { ".webchat__bubble--from-user", text, mark, cardText }, new() { Timeout = Timeout });
        return CardMarked(mark);
    }

    /// <summary>Waits for the first card that says <paramref name="cardText"/> after the card marked <paramref name="afterMark"/>.</summary>
    public async Task<ILocator> WaitForCardSayingAfterCardAsync(string afterMark, string cardText, string mark)
    {
        await page.WaitForFunctionAsync(MarkCardAfterScript, new[] { $"[{MarkAttribute}='{afterMark}']", "", mark, cardText }, new() { Timeout = Timeout });
        return CardMarked(mark);
    }

    /// <summary>Clicks the card's button with this title.</summary>
    public static Task ClickButtonAsync(ILocator card, string title) =>
        card.Locator("button.ac-pushButton", new() { HasText = title }).First.ClickAsync(new() { Timeout = Timeout });

    /// <summary>Waits for the first card the bot sends after the card marked <paramref name="afterMark"/>.</summary>
    public async Task<ILocator> WaitForCardAfterCardAsync(string afterMark, string mark)
    {
        await page.WaitForFunctionAsync(MarkCardAfterScript, new[] { $"[{MarkAttribute}='{afterMark}']", "", mark, "" }, new() { Timeout = Timeout });
        return CardMarked(mark);
    }

    public static Task ClickFirstButtonAsync(ILocator card) =>
        card.Locator("button.ac-pushButton").First.ClickAsync(new() { Timeout = Timeout });

    public Task ScreenshotAsync(string fileName) =>
        page.ScreenshotAsync(new() { Path = TestArtifacts.PathFor(fileName), FullPage = true });

    private ILocator CardMarked(string mark) =>
        page.Locator($"[{MarkAttribute}='{mark}'] {CardSelector}, {CardSelector}[{MarkAttribute}='{mark}']");
}
