using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Reviews;

/// <summary>Meeting dates on both providers: the deadline warning, moving a date (audited), listing, a member's meeting.</summary>
public abstract class ReviewMeetingCalendarTests(StorageProvider provider) : IAsyncLifetime
{
    private static readonly TimeSpan Vietnam = TimeSpan.FromHours(7);

    private StorageFixture storage = null!;
    private ReviewHarness harness = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        harness = await ReviewHarness.CreateAsync(storage);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private Task<T> CalendarAsync<T>(Func<IReviewMeetingCalendar, Task<T>> action) =>
        harness.InScopeAsync(sp => action(sp.GetRequiredService<IReviewMeetingCalendar>()));

    [Fact]
    public async Task SetMeetingAsync_CellMeetingOnItsDeadline_WarnsAndKeepsTheDate()
    {
        var onDeadline = new DateTimeOffset(2022, 12, 1, 8, 0, 0, Vietnam);

        var warnings = await harness.SetMeetingAsync(DemoOrganisation.OfficeCellCode, onDeadline);

        var warning = Assert.Single(warnings);
        Assert.Contains("Chi bộ Văn phòng Sở", warning.Text, StringComparison.Ordinal);
        Assert.Contains("01/12/2022", warning.Text, StringComparison.Ordinal);
        var memberId = await harness.MemberIdAsync(DemoOrganisation.LeaderEmail);
        var meeting = await CalendarAsync(c => c.FindForMemberAsync(memberId, harness.CycleId, CancellationToken.None));
        Assert.Equal(onDeadline, meeting!.StartsAt);
        Assert.Equal(Vietnam, meeting.StartsAt.Offset);
    }

    [Fact]
    public async Task SetMeetingAsync_CellMeetingAfterItsDeadline_Warns()
    {
        var warnings = await harness.SetMeetingAsync(DemoOrganisation.OfficeCellCode, new DateTimeOffset(2022, 12, 5, 8, 0, 0, Vietnam));

        Assert.Single(warnings);
    }

    [Fact]
    public async Task SetMeetingAsync_CellMeetingTheEveningBeforeItsDeadline_DoesNotWarn()
    {
        var warnings = await harness.SetMeetingAsync(DemoOrganisation.OfficeCellCode, new DateTimeOffset(2022, 11, 30, 23, 30, 0, Vietnam));

        Assert.Empty(warnings);
    }

    [Fact]
    public async Task SetMeetingAsync_Moved_IsAuditedWithTheOrganisation()
    {
        var officeId = await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode);
        var actorId = Guid.NewGuid();
        var moved = new DateTimeOffset(2022, 11, 28, 14, 0, 0, Vietnam);

        await CalendarAsync(c => c.SetMeetingAsync(harness.CycleId, officeId, moved, actorId, CancellationToken.None));
        var unchanged = await CalendarAsync(c => c.SetMeetingAsync(harness.CycleId, officeId, moved, actorId, CancellationToken.None));

        Assert.Empty(unchanged);
        var entries = (await harness.InScopeAsync(sp => sp.GetRequiredService<IAuditTrail>().ListAsync(
            AuditSubjectKind.CycleSettings, harness.CycleId, CancellationToken.None)))
            .Where(e => e.Field == AuditFields.ReviewMeeting && e.Actor == actorId.ToString())
            .ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(officeId, entry.OrganisationId);
        Assert.Equal("2022-11-23 08:00 +07:00", entry.From);
        Assert.Equal("2022-11-28 14:00 +07:00", entry.To);
    }

    [Fact]
    public async Task ListAsync_GrassrootsCommittee_ListsTheMeetingsBelowItByDate()
    {
        await harness.SetMeetingAsync(DemoOrganisation.TechnologyCellCode, new DateTimeOffset(2022, 11, 22, 14, 0, 0, Vietnam));
        var grassrootsId = await harness.OrganisationIdAsync(DemoOrganisation.GrassrootsCode);
        var officeId = await harness.OrganisationIdAsync(DemoOrganisation.OfficeCellCode);

        var all = await CalendarAsync(c => c.ListAsync(harness.CycleId, grassrootsId, CancellationToken.None));
        var office = await CalendarAsync(c => c.ListAsync(harness.CycleId, officeId, CancellationToken.None));

        Assert.Equal(["Chi bộ Phòng Công nghệ thông tin", "Chi bộ Văn phòng Sở"], all.Select(m => m.OrganisationName));
        Assert.Equal("Chi bộ Văn phòng Sở", Assert.Single(office).OrganisationName);
    }

    [Fact]
    public async Task FindForMemberAsync_TemporaryMember_IsTheOfficialCellsMeeting()
    {
        await harness.SetMeetingAsync(DemoOrganisation.TechnologyCellCode, new DateTimeOffset(2022, 11, 22, 14, 0, 0, Vietnam));
        var memberId = await harness.MemberIdAsync(DemoOrganisation.TemporaryMemberEmail);

        var meeting = await CalendarAsync(c => c.FindForMemberAsync(memberId, harness.CycleId, CancellationToken.None));

        Assert.Equal("Chi bộ Văn phòng Sở", meeting!.OrganisationName);
        Assert.Equal(ReviewHarness.DemoMeeting, meeting.StartsAt);
    }
}

public sealed class SqliteReviewMeetingCalendarTests() : ReviewMeetingCalendarTests(StorageProvider.Sqlite);

public sealed class PostgresReviewMeetingCalendarTests() : ReviewMeetingCalendarTests(StorageProvider.PostgreSQL);
