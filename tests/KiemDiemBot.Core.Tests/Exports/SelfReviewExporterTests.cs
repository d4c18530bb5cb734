using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Reviews;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>The exporter through the real self-review service, on the demo organisation, on both providers.</summary>
public abstract class SelfReviewExporterTests(StorageProvider provider) : IAsyncLifetime
{
    private const string PlainMember = "phuc.mai@" + DemoOrganisation.EmailDomain;
    private const string TechnologySecretary = "tuan.le@" + DemoOrganisation.EmailDomain;

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task ExportAsync_SubmittedReview_DocxOfTheAnswersNamedAfterTheMember()
    {
        var review = await SubmitCompleteAsync(await harness.MemberIdAsync(PlainMember));

        var file = await ExportAsync(review.ReviewId);

        Assert.NotNull(file);
        Assert.Equal("Ban-kiem-diem-2022-Mai-Xuan-Phuc.docx", file.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", file.ContentType);
        using var docx = new DocxContent(file.Content);
        Assert.Empty(docx.Validate());
        Assert.Contains("Năm 2022", docx.Lines);
        Assert.Contains("- Họ và tên: Mai Xuân Phúc", docx.Lines);
        Assert.Contains(review.CellName.ToUpperInvariant(), docx.Lines);
        Assert.Contains("Kết quả mục " + (int)StrengthItem.Duties, docx.Item(docx.Section("I"), "2. "));
        Assert.Contains("Khối lượng công việc lớn.", docx.Item(docx.Section("II"), "2. "));
        Assert.Contains("Tăng cường kiểm tra, đôn đốc.", docx.Section("VI"));
        var level = Assert.Single(docx.Section("VII"), line => line.Contains(SelfReviewDocument.TickedBox, StringComparison.Ordinal));
        Assert.StartsWith("Hoàn thành nhiệm vụ\t", level, StringComparison.Ordinal);
        Assert.Contains("……………, ngày 20 tháng 11 năm 2022", docx.Lines);
        Assert.DoesNotContain(docx.Lines, line => line.Contains("nhập thay", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExportAsync_EnteredByTheSecretary_ProxyLineNamesTheSecretary()
    {
        var memberId = await harness.MemberIdAsync(PlainMember);
        var secretaryId = await harness.MemberIdAsync(TechnologySecretary);
        var opened = await harness.OpenAsync(memberId);
        var saved = await harness.SaveAsync(opened, ReviewHarness.Complete(opened), actor: secretaryId);

        var file = await ExportAsync(saved.ReviewId);

        using var docx = new DocxContent(file!.Content);
        Assert.Contains($"Bản kiểm điểm do đồng chí {saved.EnteredByProxy} nhập thay.", docx.Lines);
        Assert.Equal("Lê Minh Tuấn", saved.EnteredByProxy);
    }

    [Fact]
    public async Task ExportAsync_Leader_LeadersItemsAndSectionV()
    {
        var review = await SubmitCompleteAsync(await harness.MemberIdAsync(DemoOrganisation.LeaderEmail));

        var file = await ExportAsync(review.ReviewId);

        Assert.True(review.Case.IsLeader);
        using var docx = new DocxContent(file!.Content);
        Assert.Contains("Kết quả mục " + (int)StrengthItem.Example, docx.Item(docx.Section("I"), "5. "));
        Assert.Contains("Chịu trách nhiệm phần việc được phân công.", docx.Section("V"));
        Assert.Equal(review.Case.IsCivilServant, docx.Section("VII").Contains("1. Xếp loại cán bộ, công chức, viên chức:"));
    }

    [Fact]
    public async Task ExportAsync_NotSubmittedYet_DatedToday()
    {
        var opened = await harness.OpenAsync(await harness.MemberIdAsync(PlainMember));
        storage.Clock.Advance(TimeSpan.FromDays(2));

        var file = await ExportAsync(opened.ReviewId);

        using var docx = new DocxContent(file!.Content);
        Assert.Contains("……………, ngày 22 tháng 11 năm 2022", docx.Lines);
    }

    [Fact]
    public async Task ExportAsync_NoSuchReview_Null()
    {
        Assert.Null(await ExportAsync(Guid.NewGuid()));
    }

    private Task<ExportedFile?> ExportAsync(Guid reviewId) =>
        harness.InScopeAsync(sp => sp.GetRequiredService<ISelfReviewExporter>().ExportAsync(reviewId, CancellationToken.None));

    private async Task<SelfReviewView> SubmitCompleteAsync(Guid memberId)
    {
        var opened = await harness.OpenAsync(memberId);
        var saved = await harness.SaveAsync(opened, ReviewHarness.Complete(opened));
        return await harness.ReviewsAsync(s => s.SubmitAsync(saved.ReviewId, saved.Version, memberId, CancellationToken.None));
    }
}

public sealed class SqliteSelfReviewExporterTests() : SelfReviewExporterTests(StorageProvider.Sqlite);

public sealed class PostgresSelfReviewExporterTests() : SelfReviewExporterTests(StorageProvider.PostgreSQL);
