using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>Body deadlines on both providers, the two new kinds among them, also for a cycle created before they existed.</summary>
public abstract class DeadlineKindOccasionTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private ReminderHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReminderHarness.CreateAsync(storage, 2026, new DateTime(2026, 11, 2, 9, 0, 0));
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task<Dictionary<DeadlineKind, DateTimeOffset[]>> CommitteeDeadlinesAsync() =>
        (await harness.PlanAsync(harness.CommitteeId))
            .Where(e => e.Occasion.Kind == OccasionKind.BodyDeadline && e.Occasion.OrganisationId == harness.CommitteeId)
            .GroupBy(e => e.Occasion.Deadline!.Value)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Occasion.At.ToOffset(Vietnam)).ToArray());

    [Fact]
    public async Task PlanAsync_GrassrootsCommitteeAtTheTop_RemindedOfEachOfItsDeadlines()
    {
        var deadlines = await CommitteeDeadlinesAsync();

        Assert.Equal(
            [DeadlineKind.GrassrootsCommitteeReview, DeadlineKind.ReportsUp, DeadlineKind.CadreDossiers, DeadlineKind.PartyBuildingReport, DeadlineKind.SummaryConference],
            deadlines.Keys.Order());
        // "Trước 15/12": due day Monday 14/12, reminded on 07/12, 09/12 and Friday 11/12.
        Assert.Equal([Local(2026, 12, 7), Local(2026, 12, 9), Local(2026, 12, 11)], deadlines[DeadlineKind.PartyBuildingReport]);
        // "Trước 31/12": due day Wednesday 30/12, reminded on 23/12, 25/12 and 29/12.
        Assert.Equal([Local(2026, 12, 23), Local(2026, 12, 25), Local(2026, 12, 29)], deadlines[DeadlineKind.SummaryConference]);
        var cellDeadlines = (await harness.PlanAsync(harness.OfficeCellId)).Where(e => e.Occasion.Kind == OccasionKind.BodyDeadline);
        Assert.All(cellDeadlines, e => Assert.Equal(DeadlineKind.CellReview, e.Occasion.Deadline));
    }

    [Fact]
    public async Task PlanAsync_CycleCreatedBeforeTheNewKinds_UsesTheSeedDefaults()
    {
        await harness.InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().CycleDeadlines
            .Where(d => d.CycleId == harness.CycleId && (d.Kind == DeadlineKind.PartyBuildingReport || d.Kind == DeadlineKind.SummaryConference))
            .ExecuteDeleteAsync());

        var deadlines = await CommitteeDeadlinesAsync();
        var view = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().FindAsync(harness.CycleId, CancellationToken.None));
        var resolved = await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().ResolveDeadlineAsync(
            harness.CycleId, harness.CommitteeId, DeadlineKind.SummaryConference, CancellationToken.None));

        Assert.Equal([Local(2026, 12, 7), Local(2026, 12, 9), Local(2026, 12, 11)], deadlines[DeadlineKind.PartyBuildingReport]);
        Assert.Equal(new DateOnly(2026, 12, 15), view!.Deadlines[DeadlineKind.PartyBuildingReport]);
        Assert.Equal(new DateOnly(2026, 12, 31), view.Deadlines[DeadlineKind.SummaryConference]);
        Assert.Equal(new DateOnly(2026, 12, 31), resolved.DueBefore);
    }

    [Fact]
    public async Task PlanAsync_CommitteeSetsAnEarlierCellDeadline_CellsRemindedBeforeIt()
    {
        await harness.InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().SetCommitteeDeadlineAsync(
            harness.CycleId, harness.CommitteeId, DeadlineKind.CellReview, new DateOnly(2026, 11, 25), "test", "Đảng ủy yêu cầu sớm hơn", CancellationToken.None));

        var moments = await harness.MomentsAsync(OccasionKind.MemberReminder, harness.AccountsCellId);

        // "Trước 25/11": due day Tuesday 24/11; reminded on 17/11, 19/11 and 23/11.
        Assert.Equal([Local(2026, 11, 17), Local(2026, 11, 19), Local(2026, 11, 23)], moments);
    }

    [Fact]
    public async Task DueAsync_BodyDeadlineDay_TheCommitteeIsRemindedOnce()
    {
        var due = await harness.TickAsync(Local(2026, 12, 11, 8, 0));
        var again = await harness.TickAsync(Local(2026, 12, 11, 9, 0));

        var committee = Of(due, OccasionKind.BodyDeadline, harness.CommitteeId);
        Assert.Equal(
            [DeadlineKind.ReportsUp, DeadlineKind.PartyBuildingReport],
            committee.Select(o => o.Deadline!.Value).Order());
        Assert.All(committee, o => Assert.Equal(1, o.WorkingDaysBefore));
        Assert.Empty(Of(again, OccasionKind.BodyDeadline, harness.CommitteeId));
    }
}

public sealed class SqliteDeadlineKindOccasionTests() : DeadlineKindOccasionTests(StorageProvider.Sqlite);

public sealed class PostgresDeadlineKindOccasionTests() : DeadlineKindOccasionTests(StorageProvider.PostgreSQL);
