using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Ballots;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Ballots.BallotHarness;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>
/// The minutes of a ballot run through the real ballot service (open, six chat ballots, two paper ballots entered by
/// the secretary, close), checked against the hand count, on both providers: the exporter reads what the service wrote.
/// </summary>
public abstract class MinutesFromBallotServiceTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private BallotHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task MinutesAsync_ChatAndPaperBallots_TalliesAndAttendanceMatchTheHandCount()
    {
        Guid[] subjects = [harness.A[2], harness.A[3], harness.Probationary];
        var absent = new[] { harness.A[6], harness.A[7] };
        var present = harness.A.Except(absent).ToList();
        var opened = await harness.OpenAsync(subjects, present);
        var ballotId = opened.Ballot.BallotId;
        var voters = opened.VoterIds.Take(6).ToList();
        await harness.CastAllAsync(ballotId, voters, BallotHarness.Ballots(subjects, Levels(3, 3, 0, 0), Levels(0, 6, 0, 0), Levels(0, 0, 6, 0)));
        await harness.BallotsAsync(s => s.RecordPaperAsync(ballotId, harness.Secretary, 2,
        [
            new PaperTally(subjects[0], new Dictionary<RankingLevel, int> { [RankingLevel.ExcellentCompletion] = 1, [RankingLevel.GoodCompletion] = 1 }, 0, 0),
            new PaperTally(subjects[1], new Dictionary<RankingLevel, int> { [RankingLevel.GoodCompletion] = 2 }, 0, 0),
            new PaperTally(subjects[2], new Dictionary<RankingLevel, int> { [RankingLevel.Completion] = 2 }, 0, 0),
        ], CancellationToken.None));
        await harness.CloseAsync(ballotId);

        var file = await harness.InScopeAsync(sp => sp.GetRequiredService<IBallotExporter>().MinutesAsync(ballotId, CancellationToken.None));

        using var docx = new DocxContent(file!.Content);
        Assert.Empty(docx.Validate());
        Assert.Contains("BIÊN BẢN HỌP CHI BỘ A", docx.Lines);
        Assert.Contains("- Triệu tập: 11 đảng viên chính thức được triệu tập", docx.Lines);
        Assert.Contains("- Miễn công tác và sinh hoạt đảng: 1 đồng chí (Lý Thị Nga)", docx.Lines);
        Assert.Contains("- Có mặt: 8/10 đảng viên chính thức", docx.Lines);
        Assert.Contains("- Vắng mặt: 2 đồng chí (Bùi Thị Hoa, Đặng Văn Hải)", docx.Lines);
        Assert.Contains("- Đảng viên dự bị có mặt: 1 đồng chí (Dương Văn Minh), tham dự, không biểu quyết", docx.Lines);
        Assert.Contains("Số phiếu phát ra: 8; số phiếu thu về: 8, trong đó 2 phiếu giấy.", docx.Lines);
        var table = docx.Body.Elements<Table>().Skip(1).First().Elements<TableRow>()
            .Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToList()).ToList();
        Assert.Equal(["1", "Lê Văn Cường", "4", "4", "0", "0", "HTXSNV 1; HTTNV 1", "HTTNV"], table[1]);
        Assert.Equal(["2", "Phạm Thị Dung", "0", "8", "0", "0", "HTTNV 2", "HTTNV"], table[2]);
        Assert.Equal(["3", "Dương Văn Minh", "0", "0", "8", "0", "HTNV 2", "HTNV"], table[3]);
        Assert.Contains("Kết quả bỏ phiếu chưa được cấp có thẩm quyền thông qua.", docx.Lines);
    }
}

public sealed class SqliteMinutesFromBallotServiceTests() : MinutesFromBallotServiceTests(StorageProvider.Sqlite);

public sealed class PostgresMinutesFromBallotServiceTests() : MinutesFromBallotServiceTests(StorageProvider.PostgreSQL);
