using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Demo;

/// <summary>The demo organisation comes with an open cycle of the current year whose cells meet soon, on both providers.</summary>
public abstract class DemoCycleTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task SeedAsync() => InScope(sp => sp.GetRequiredService<IDemoOrganisationSeeder>().SeedAsync(CancellationToken.None));

    private async Task<IReadOnlyList<ReviewMeetingView>> MeetingsAsync(Guid cycleId)
    {
        var grassrootsId = await InScope(sp => sp.GetRequiredService<KiemDiemDbContext>().Organisations
            .Where(o => o.Code == DemoOrganisation.GrassrootsCode).Select(o => o.Id).SingleAsync());
        return await InScope(sp => sp.GetRequiredService<IReviewMeetingCalendar>().ListAsync(cycleId, grassrootsId, CancellationToken.None));
    }

    [Fact]
    public async Task SeedAsync_Sunday_OpensTheYearsCycleWithBothCellsMeetingOnTheThirdWorkingDayAtEight()
    {
        await SeedAsync();

        var cycle = await InScope(sp => sp.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None));
        Assert.Equal(2022, cycle!.Year);
        Assert.Equal(RuleSetCodes.Hd21Of2022, cycle.RuleSetCode);
        Assert.NotNull(cycle.OpenedAt);
        var meetings = await MeetingsAsync(cycle.Id);
        Assert.Equal(["Chi bộ Phòng Công nghệ thông tin", "Chi bộ Văn phòng Sở"], meetings.Select(m => m.OrganisationName).Order(StringComparer.Ordinal));
        Assert.All(meetings, m => Assert.Equal(new DateTimeOffset(2022, 11, 23, 8, 0, 0, TimeSpan.FromHours(7)), m.StartsAt));
    }

    [Fact]
    public async Task SeedAsync_BeforeNewYearsHoliday_SkipsTheHolidayAndTheWeekend()
    {
        // Friday 30/12/2022; Monday 02/01/2023 is the New Year holiday moved from Sunday.
        storage.Clock.SetUtcNow(new DateTimeOffset(2022, 12, 30, 2, 0, 0, TimeSpan.Zero));

        await SeedAsync();

        var cycle = await InScope(sp => sp.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None));
        Assert.All(await MeetingsAsync(cycle!.Id), m => Assert.Equal(new DateTimeOffset(2023, 1, 5, 8, 0, 0, TimeSpan.FromHours(7)), m.StartsAt));
    }

    [Fact]
    public async Task SeedAsync_Again_KeepsOneCycleAndOneMeetingPerCell()
    {
        await SeedAsync();
        storage.Clock.Advance(TimeSpan.FromDays(1));

        await SeedAsync();

        var cycles = await InScope(sp => sp.GetRequiredService<KiemDiemDbContext>().ReviewCycles.CountAsync());
        var meetings = await InScope(sp => sp.GetRequiredService<KiemDiemDbContext>().ReviewMeetings.CountAsync());
        Assert.Equal(1, cycles);
        Assert.Equal(2, meetings);
    }

    [Fact]
    public async Task SeedAsync_DemoMember_CanWriteAReviewAtOnce()
    {
        await SeedAsync();
        var cycle = await InScope(sp => sp.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None));
        var memberId = await InScope(sp => sp.GetRequiredService<KiemDiemDbContext>().Members
            .Where(m => m.EmailKey == DemoOrganisation.LeaderEmail).Select(m => m.Id).SingleAsync());

        var saved = await InScope(async sp =>
        {
            var reviews = sp.GetRequiredService<ISelfReviewService>();
            var review = await reviews.OpenAsync(memberId, cycle!.Id, CancellationToken.None);
            var result = await reviews.SaveAsync(review.ReviewId, review.Version, review.Answers with { Measures = "Thử" }, memberId, CancellationToken.None);
            await sp.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return result;
        });

        Assert.Equal(SelfReviewStatus.InProgress, saved.Status);
        Assert.Equal(2, saved.Version);
    }
}

public sealed class SqliteDemoCycleTests() : DemoCycleTests(StorageProvider.Sqlite);

public sealed class PostgresDemoCycleTests() : DemoCycleTests(StorageProvider.PostgreSQL);
