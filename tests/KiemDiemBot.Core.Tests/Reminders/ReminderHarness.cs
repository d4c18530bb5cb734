using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>
/// A grassroots committee at the top of the tree with two affiliated cells (the office cell: a secretary and two
/// members, and a party group; the accounts cell: one member), and an open cycle of <see cref="Year"/> with the seed's deadlines. Every
/// use case runs in a unit of work of its own, committed, as a turn or a tick would.
/// </summary>
internal sealed class ReminderHarness(StorageFixture storage, int year)
{
    public static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    public StorageFixture Storage => storage;

    public int Year => year;

    public Guid CycleId { get; private set; }

    public Guid CommitteeId { get; } = Guid.NewGuid();

    public Guid OfficeCellId { get; } = Guid.NewGuid();

    public Guid AccountsCellId { get; } = Guid.NewGuid();

    /// <summary>A party group inside the office cell: members belong to the cell, so it has no occasions of its own.</summary>
    public Guid PartyGroupId { get; } = Guid.NewGuid();

    public Guid SecretaryId { get; } = Guid.NewGuid();

    public Guid FirstMemberId { get; } = Guid.NewGuid();

    public Guid SecondMemberId { get; } = Guid.NewGuid();

    public Guid AccountantId { get; } = Guid.NewGuid();

    /// <summary>The tree, then the cycle of <paramref name="year"/> opened at <paramref name="openedAt"/> (local time in Vietnam).</summary>
    public static async Task<ReminderHarness> CreateAsync(StorageFixture storage, int year, DateTime openedAt, bool open = true)
    {
        var harness = new ReminderHarness(storage, year);
        harness.SetLocalNow(openedAt);
        await harness.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<KiemDiemDbContext>();
            db.Organisations.AddRange(
                new Organisation { Id = harness.CommitteeId, Code = "DB", Name = "Đảng bộ Sở Tài chính", Kind = OrganisationKind.GrassrootsCommittee },
                new Organisation { Id = harness.OfficeCellId, Code = "VP", Name = "Chi bộ Văn phòng", Kind = OrganisationKind.AffiliatedCell, ParentId = harness.CommitteeId },
                new Organisation { Id = harness.AccountsCellId, Code = "KT", Name = "Chi bộ Kế toán", Kind = OrganisationKind.AffiliatedCell, ParentId = harness.CommitteeId },
                new Organisation { Id = harness.PartyGroupId, Code = "VP-T1", Name = "Tổ đảng 1", Kind = OrganisationKind.PartyGroup, ParentId = harness.OfficeCellId });
            db.Members.AddRange(
                Member(harness.SecretaryId, "DV1", "Nguyễn Văn An", harness.OfficeCellId),
                Member(harness.FirstMemberId, "DV2", "Trần Thị Bình", harness.OfficeCellId),
                Member(harness.SecondMemberId, "DV3", "Lê Văn Cường", harness.OfficeCellId),
                Member(harness.AccountantId, "DV4", "Phạm Thị Dung", harness.AccountsCellId));
            db.Positions.Add(new Position { Id = Guid.NewGuid(), MemberId = harness.SecretaryId, BodyId = harness.OfficeCellId, Title = PositionTitle.Secretary });
            return Task.FromResult(0);
        });
        var cycle = await harness.InScopeAsync(sp => open
            ? sp.GetRequiredService<IReviewCycleService>().OpenAsync(year, RuleSetCatalog.Codes[0], new Dictionary<DeadlineKind, DateOnly>(), "test", CancellationToken.None)
            : sp.GetRequiredService<IReviewCycleService>().CreateAsync(year, RuleSetCatalog.Codes[0], "test", CancellationToken.None));
        harness.CycleId = cycle.Id;
        return harness;
    }

    private static Member Member(Guid id, string code, string name, Guid cellId) => new()
    {
        Id = id,
        Code = code,
        FullName = name,
        OfficialCellId = cellId,
        AdmittedOn = new DateOnly(2010, 5, 19),
        DateOfBirth = new DateOnly(1980, 1, 1),
    };

    /// <summary>An instant in Vietnam.</summary>
    public static DateTimeOffset Local(int year, int month, int day, int hour = 8, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Vietnam);

    public void SetLocalNow(DateTime local) => storage.Clock.SetUtcNow(new DateTimeOffset(local, Vietnam).ToUniversalTime());

    /// <summary>Runs one unit of work and commits it.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        var result = await action(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public Task<IReadOnlyList<PlannedOccasion>> DueAsync(DateTimeOffset now)
    {
        storage.Clock.SetUtcNow(now.ToUniversalTime());
        return InScopeAsync(sp => sp.GetRequiredService<IReminderPlanner>().DueAsync(now, CancellationToken.None));
    }

    /// <summary>A tick at <paramref name="now"/>: each occasion due is marked run in a unit of work of its own.</summary>
    public async Task<IReadOnlyList<PlannedOccasion>> TickAsync(DateTimeOffset now)
    {
        var due = await DueAsync(now);
        foreach (var occasion in due)
        {
            await InScopeAsync(sp =>
            {
                sp.GetRequiredService<IReminderPlanner>().MarkRun(occasion, 1);
                return Task.FromResult(0);
            });
        }
        return due;
    }

    /// <summary>The plan of the organisation (null: all) for the whole season, read at the clock's now.</summary>
    public Task<IReadOnlyList<PlanEntry>> PlanAsync(Guid? organisationId = null) =>
        InScopeAsync(sp => sp.GetRequiredService<IReminderPlanner>().PlanAsync(
            organisationId, Local(year, 1, 1, 0), Local(year + 1, 12, 31, 23), CancellationToken.None));

    /// <summary>The moments of one kind of occasion for one organisation in the plan, in Vietnam's time.</summary>
    public async Task<IReadOnlyList<DateTimeOffset>> MomentsAsync(OccasionKind kind, Guid organisationId) =>
        [.. (await PlanAsync(organisationId))
            .Where(e => e.Occasion.Kind == kind && e.Occasion.OrganisationId == organisationId)
            .Select(e => e.Occasion.At.ToOffset(Vietnam))];

    public Task SetMeetingAsync(Guid organisationId, DateTimeOffset startsAt) =>
        InScopeAsync(sp => sp.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(CycleId, organisationId, startsAt, SecretaryId, CancellationToken.None));

    public Task<Guid> MeetingIdAsync(Guid organisationId) =>
        InScopeAsync(sp => sp.GetRequiredService<KiemDiemDbContext>().ReviewMeetings
            .Where(m => m.CycleId == CycleId && m.OrganisationId == organisationId).Select(m => m.Id).SingleAsync());

    public Task CancelMeetingAsync(Guid organisationId) =>
        InScopeAsync(async sp => await sp.GetRequiredService<Core.Meetings.IReviewMeetingPlanner>().CancelAsync(
            await MeetingIdAsync(organisationId), SecretaryId, CancellationToken.None));

    /// <summary>The occasions of <paramref name="kind"/> for the organisation in a tick's answer.</summary>
    public static PlannedOccasion[] Of(IEnumerable<PlannedOccasion> occasions, OccasionKind kind, Guid organisationId) =>
        [.. occasions.Where(o => o.Kind == kind && o.OrganisationId == organisationId)];

    public Task SetCalendarAsync(params CalendarOverride[] overrides) =>
        InScopeAsync(sp => sp.GetRequiredService<IReviewCycleService>().SetCalendarOverridesAsync(CycleId, overrides, "test", "Làm bù", CancellationToken.None));
}
