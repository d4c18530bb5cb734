using KiemDiemBot.Core.Exports;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>The minutes' annex of the participants' comments on the draft report (góp ý), rendered and read back.</summary>
public sealed class MinutesAnnexTests
{
    [Fact]
    public void Render_WithDraftComments_EndsWithTheAnnexListingEachCommentByName()
    {
        var input = Minutes() with
        {
            DraftComments =
            [
                new MinutesDraftComment("Đỗ Thị Thu Trang", "Đề nghị bổ sung phần hạn chế.\nNêu rõ thời hạn khắc phục."),
                new MinutesDraftComment("Phan Văn Long", "Nhất trí với dự thảo."),
            ],
        };

        using var docx = new DocxContent(MinutesDocument.Render(input));

        Assert.Empty(docx.Validate());
        var annex = docx.Lines.ToList().IndexOf("PHỤ LỤC: Ý KIẾN GÓP Ý DỰ THẢO BÁO CÁO");
        Assert.True(annex > 0);
        Assert.Equal(
            [
                "Ý kiến góp ý dự thảo báo cáo kiểm điểm của tập thể do người dự họp gửi trước cuộc họp (2 ý kiến).",
                "1. Đỗ Thị Thu Trang",
                "Đề nghị bổ sung phần hạn chế.",
                "Nêu rõ thời hạn khắc phục.",
                "2. Phan Văn Long",
                "Nhất trí với dự thảo.",
            ],
            docx.Lines.Skip(annex + 1).Where(l => l.Length > 0));
    }

    [Fact]
    public void Render_WithoutDraftComments_HasNoAnnex()
    {
        using var docx = new DocxContent(MinutesDocument.Render(Minutes()));

        Assert.DoesNotContain(docx.Lines, l => l.Contains("PHỤ LỤC", StringComparison.Ordinal));
    }

    private static MinutesInput Minutes() => new(
        2022,
        "Chi bộ Văn phòng",
        "Đảng bộ cơ sở Mẫu",
        "Hà Nội",
        new DateOnly(2022, 11, 25),
        new DateTimeOffset(2022, 11, 25, 8, 0, 0, TimeSpan.FromHours(7)),
        null,
        ["Nguyễn Văn Một"],
        null,
        new MinutesAttendance(3, [], 3, 3, [], []),
        [],
        []);
}
