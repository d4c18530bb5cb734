using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Reminders;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// The secretary's host (<see cref="SecretaryHost"/>) with "lịch nhắc", its pause list, "ai chưa nhận được tin nhắn"
/// (the unreachable list's occasion handler is the host's own), and the steps the tests take through Core as the other parts would:
/// moving a meeting, running an occasion as the tick does.
/// </summary>
internal static class ScheduleHost
{
    public const string OfficeCell = "Chi bộ Văn phòng Sở";

    public static Task<SecretaryHost> StartAsync(StorageProvider provider, string? connectionString) =>
        // The occasion handlers come with the host (AddKiemDiemScheduler); the test host keeps only the dialogs it is given.
        SecretaryHost.StartAsync(provider, connectionString, services => services.AddKiemDiemReminderDialogs());

    public static Task<(Guid CycleId, Guid CellId)> OfficeAsync(SecretaryHost host) =>
        host.InScopeAsync(async s =>
        {
            var cycle = await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
            var cell = (await s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None)).Single(c => c.Name == OfficeCell);
            return (cycle!.Id, cell.Id);
        });

    /// <summary>Moves the office cell's meeting to <paramref name="day"/> at 08:00 in Vietnam, as "lịch họp" does.</summary>
    public static async Task MoveOfficeMeetingAsync(SecretaryHost host, DateOnly day, Guid secretaryId)
    {
        var (cycleId, cellId) = await OfficeAsync(host);
        await host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(
                cycleId, cellId, WorkingCalendar.ToInstant(day, new TimeOnly(8, 0)), secretaryId, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return true;
        });
    }

    /// <summary>Runs the occasion as the tick does: its handler in its own scope, marked run, one commit; answers how many messages it staged.</summary>
    public static Task<int> RunAsync(SecretaryHost host, PlannedOccasion occasion) =>
        host.InScopeAsync(async s =>
        {
            var handler = s.GetServices<IOccasionHandler>().Single(h => h.Kind == occasion.Kind);
            var staged = await handler.StageAsync(occasion, CancellationToken.None);
            s.GetRequiredService<IReminderPlanner>().MarkRun(occasion, staged);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return staged;
        });

    /// <summary>The office cell's unreachable list occasion of the current cycle, due now.</summary>
    public static async Task<PlannedOccasion> UnreachableListAsync(SecretaryHost host)
    {
        var (cycleId, cellId) = await OfficeAsync(host);
        var now = host.Bot.Factory.Clock.GetUtcNow();
        return new PlannedOccasion(OccasionKeys.UnreachableList(cycleId, cellId), OccasionKind.UnreachableList, cycleId, cellId, now, WorkingCalendar.ToLocalDate(now));
    }

    public static Task<IReadOnlyList<ReminderRecipient>> MembersToRemindAsync(SecretaryHost host, Guid cycleId, Guid cellId) =>
        host.InScopeAsync(s => s.GetRequiredService<IReminderAudience>().MembersToRemindAsync(cycleId, cellId, CancellationToken.None));
}
