using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>The roster's "Kỷ luật đã tính ở năm trước": a discipline already counted in an earlier ranking does not cap the member again.</summary>
public abstract class DisciplineAlreadyCountedTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task CapMemberLevel_DisciplineMarkedAlreadyCounted_IsNotCappedAtKhtnv()
    {
        var roster = new SampleRoster();
        roster.Members[0] = SampleRoster.MemberHeader + ",Kỷ luật đã tính ở năm trước";
        roster.Members[1] = "DV01,Nguyễn Văn An,an.nguyen@stp.gov.vn,19/05/1980,CB01,,Chính thức,02/09/2005,Sinh hoạt bình thường,Khiển trách 15/03/2022,Không,Có,Có";
        roster.Members[2] = "DV02,Trần Thị Bình,binh.tran@stp.gov.vn,1990-03-08,CB02,CB01,Dự bị,15/02/2022,,Khiển trách 15/03/2022,,,Không";

        var result = await storage.ImportAsync(roster);

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        var members = await storage.MembersAsync();
        Assert.True(members.Single(m => m.Code == "DV01").DisciplineAlreadyCounted);
        Assert.False(members.Single(m => m.Code == "DV02").DisciplineAlreadyCounted);
        Assert.True(RuleSetCatalog.TryGet(RuleSetCodes.Hd21Of2022, out var rules));
        await using var scope = storage.CreateScope();
        var facts = scope.ServiceProvider.GetRequiredService<IMemberFactsSource>();
        var counted = await facts.FindAsync(members.Single(m => m.Code == "DV01").Id, 2022, CancellationToken.None);
        var notCounted = await facts.FindAsync(members.Single(m => m.Code == "DV02").Id, 2022, CancellationToken.None);
        var once = rules.CapMemberLevel(RankingLevel.GoodCompletion, counted!.Caps);
        var capped = rules.CapMemberLevel(RankingLevel.GoodCompletion, notCounted!.Caps);
        Assert.Equal(RankingLevel.GoodCompletion, once.Level);
        Assert.Empty(once.Caps);
        Assert.Equal(RankingLevel.NonCompletion, capped.Level);
    }
}

public sealed class SqliteDisciplineAlreadyCountedTests() : DisciplineAlreadyCountedTests(StorageProvider.Sqlite);

public sealed class PostgresDisciplineAlreadyCountedTests() : DisciplineAlreadyCountedTests(StorageProvider.PostgreSQL);
