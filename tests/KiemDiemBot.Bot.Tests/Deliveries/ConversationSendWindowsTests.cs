using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Deliveries;

/// <summary>Teams' per-conversation send limits (PROTOCOL.md 5.1) as the sender keeps them, on a fake clock.</summary>
public sealed class ConversationSendWindowsTests
{
    private static readonly ConversationKey Chat = new("msteams", "a:windows-test");
    private static readonly ConversationKey Other = new("msteams", "a:windows-other");

    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void WaitBeforeSend_SevenSendsInOneSecond_EighthWaitsForTheFirstToLeaveTheWindow()
    {
        var windows = new ConversationSendWindows(clock);
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(TimeSpan.Zero, windows.WaitBeforeSend(Chat));
            windows.Record(Chat);
            clock.Advance(TimeSpan.FromMilliseconds(100));
        }

        Assert.Equal(TimeSpan.FromMilliseconds(300), windows.WaitBeforeSend(Chat));
        Assert.Equal(TimeSpan.Zero, windows.WaitBeforeSend(Other));
    }

    [Fact]
    public void WaitBeforeSend_EightSendsInTwoSeconds_NinthWaitsUntilTheTwoSecondWindowHasRoom()
    {
        var windows = new ConversationSendWindows(clock);
        for (var i = 0; i < 8; i++)
        {
            windows.Record(Chat);
            clock.Advance(TimeSpan.FromMilliseconds(200));
        }

        // The 1 s window holds 4 of them; the 2 s window is full until the first send is 2 s old.
        Assert.Equal(TimeSpan.FromMilliseconds(400), windows.WaitBeforeSend(Chat));
    }

    [Fact]
    public void WaitBeforeSend_SixtySendsInThirtySeconds_WaitsForTheThirtySecondWindow()
    {
        var windows = new ConversationSendWindows(clock);
        for (var i = 0; i < 60; i++)
        {
            windows.Record(Chat);
            clock.Advance(TimeSpan.FromMilliseconds(400));
        }

        Assert.Equal(TimeSpan.FromSeconds(6), windows.WaitBeforeSend(Chat));
    }
}
