using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Demo;

internal sealed class DemoOrganisationSeeder(
    KiemDiemDbContext db,
    RosterImporter importer,
    IReviewCycleService cycles,
    IReviewMeetingCalendar meetings,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IDemoOrganisationSeeder
{
    /// <summary>Who the audit log names for the demo cycle.</summary>
    public const string Actor = "system:seed-demo";

    /// <summary>The demo cells meet this many working days from today, so a demo member can write and edit a review at once.</summary>
    public const int MeetingInWorkingDays = 3;

    /// <summary>The demo cells' meetings start at 08:00 in Asia/Ho_Chi_Minh.</summary>
    public static readonly TimeOnly MeetingTime = new(8, 0);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.Members.AnyAsync(cancellationToken))
        {
            return false;
        }
        var result = await SeedAsync(cancellationToken);
        return result.Succeeded;
    }

    public async Task<RosterImportResult> SeedAsync(CancellationToken cancellationToken)
    {
        var today = WorkingCalendar.Today(clock);
        var result = await importer.ImportAsync(DemoRoster.Build(today), cancellationToken);
        if (!result.Succeeded)
        {
            // The demo roster is fixed data: an error here is a defect, not a user mistake.
            throw new InvalidOperationException("The demo roster does not import: " + string.Join(" | ", result.Errors));
        }
        await OpenCycleAsync(today, cancellationToken);
        return result;
    }

    /// <summary>The current year's cycle, open, with both demo cells meeting soon (each set by its secretary).</summary>
    private async Task OpenCycleAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var cycle = await cycles.OpenAsync(today.Year, RuleSetCodes.Hd21Of2022, new Dictionary<DeadlineKind, DateOnly>(), Actor, cancellationToken);
        await unitOfWork.CommitAsync(cancellationToken);
        var calendar = await cycles.GetWorkingCalendarAsync(cycle.Id, cancellationToken);
        var startsAt = WorkingCalendar.ToInstant(WorkingDaysAfter(calendar, today, MeetingInWorkingDays), MeetingTime);
        foreach (var cellCode in new[] { DemoOrganisation.OfficeCellCode, DemoOrganisation.TechnologyCellCode })
        {
            var cellId = await db.Organisations.Where(o => o.Code == cellCode).Select(o => o.Id).SingleAsync(cancellationToken);
            var secretaryId = await db.Positions
                .Where(p => p.BodyId == cellId && p.Title == PositionTitle.Secretary)
                .Select(p => p.MemberId)
                .SingleAsync(cancellationToken);
            await meetings.SetMeetingAsync(cycle.Id, cellId, startsAt, secretaryId, cancellationToken);
        }
        await unitOfWork.CommitAsync(cancellationToken);
    }

    /// <summary>The working day <paramref name="count"/> working days after <paramref name="today"/>; weekdays only for a year the holiday table does not know.</summary>
    private static DateOnly WorkingDaysAfter(WorkingCalendar calendar, DateOnly today, int count)
    {
        var date = today;
        while (count > 0)
        {
            date = date.AddDays(1);
            var working = calendar.TryDescribe(date, out var day) ? day.IsWorkingDay : !WorkingCalendar.IsWeekend(date);
            if (working)
            {
                count--;
            }
        }
        return date;
    }
}
