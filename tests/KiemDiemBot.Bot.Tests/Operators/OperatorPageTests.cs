using KiemDiemBot.Bot.Operators;
using KiemDiemBot.Core.Operations;

namespace KiemDiemBot.Bot.Tests.Operators;

/// <summary>The operator page as a committee of thousands sees it before its members have opened their chats.</summary>
public sealed class OperatorPageTests
{
    [Fact]
    public void Overview_ManyUnreachableInOneCell_ListsTheFirstOnesAndCountsTheRest()
    {
        var big = Guid.NewGuid();
        var small = Guid.NewGuid();
        List<UnreachableMemberLine> unreachable =
        [
            .. Enumerable.Range(1, 45).Select(i => Line(big, "Chi bộ Lớn", i)),
            .. Enumerable.Range(1, 3).Select(i => Line(small, "Chi bộ Nhỏ", 100 + i)),
        ];
        var none = new FailureList(0, 0, []);
        var view = new OperatorOverviewView(2026, DateTimeOffset.UnixEpoch, [], unreachable, none, none, none);

        var html = OperatorPage.Overview(view, antiforgery: null, nonce: "n");

        Assert.Contains("48 đảng viên.", html, StringComparison.Ordinal);
        Assert.Contains(">Đảng viên 20<", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Đảng viên 21<", html, StringComparison.Ordinal);
        Assert.Contains("… và 25 đảng viên khác của tổ chức này", html, StringComparison.Ordinal);
        Assert.All(Enumerable.Range(101, 3), i => Assert.Contains($">Đảng viên {i}<", html, StringComparison.Ordinal));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "đảng viên khác của tổ chức này"));
    }

    private static UnreachableMemberLine Line(Guid organisation, string name, int number) =>
        new(organisation, name, Guid.NewGuid(), $"DV{number:D4}", $"Đảng viên {number}", UnreachableReason.NoPersonalChat, null);
}
