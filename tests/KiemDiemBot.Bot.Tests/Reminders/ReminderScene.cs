using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// The real host in Teams mode on the demo organisation (its 2026 cycle open; the clock starts on Monday 02/03/2026
/// at 08:00 in Hà Nội), with both demo cells' meetings moved to <see cref="MeetingDay"/> 08:00, so that the default
/// offsets (5, 3, 1 working days) fall on Thursday 12/03, Monday 16/03 and Wednesday 18/03. The tick is run by
/// resolving the job, as Hangfire would every minute; the clock is moved by the test.
/// </summary>
public sealed class ReminderScene : IAsyncDisposable
{
    public static readonly DateOnly MeetingDay = new(2026, 3, 19);

    public static readonly TimeOnly MeetingTime = new(8, 0);

    /// <summary>The member-reminder days of the meeting: 5, 3 and 1 working days before it (13-15/03 is Friday and the weekend).</summary>
    public static readonly DateOnly[] OffsetDays = [new(2026, 3, 12), new(2026, 3, 16), new(2026, 3, 18)];

    private ReminderScene(SecretaryHost host, Guid cycleId)
    {
        Host = host;
        CycleId = cycleId;
    }

    public SecretaryHost Host { get; }

    public Guid CycleId { get; }

    /// <param name="services">More registrations for the test (e.g. a handler that fails).</param>
    public static async Task<ReminderScene> StartAsync(
        StorageProvider provider = StorageProvider.Sqlite, string? connectionString = null, Action<IServiceCollection>? services = null)
    {
        var host = await SecretaryHost.StartAsync(provider, connectionString, services);
        var cycleId = await host.InScopeAsync(async s => (await s.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None))!.Id);
        var scene = new ReminderScene(host, cycleId);
        await scene.MoveMeetingAsync(DemoOrganisation.OfficeCellCode, DemoPeople.Huong, MeetingDay);
        await scene.MoveMeetingAsync(DemoOrganisation.TechnologyCellCode, DemoPeople.Tuan, MeetingDay);
        return scene;
    }

    /// <summary>The cell's meeting set (or moved) by its secretary to <paramref name="day"/> at 08:00.</summary>
    public async Task MoveMeetingAsync(string cellCode, string secretaryCode, DateOnly day)
    {
        var (secretaryId, _) = await DemoPeople.FindAsync(Host.Services, secretaryCode);
        await Host.InScopeAsync(async s =>
        {
            var cell = (await s.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None)).Single(c => c.Code == cellCode);
            await s.GetRequiredService<IReviewMeetingCalendar>().SetMeetingAsync(
                CycleId, cell.Id, WorkingCalendar.ToInstant(day, MeetingTime), secretaryId, CancellationToken.None);
            await s.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
            return true;
        });
    }

    /// <summary>Moves the clock forward to <paramref name="time"/> on <paramref name="day"/> in Hà Nội.</summary>
    public void SetLocalTime(DateOnly day, TimeOnly time) => Host.Bot.Factory.Clock.SetUtcNow(WorkingCalendar.ToInstant(day, time));

    /// <summary>One tick, as Hangfire runs it: the job resolved in its own scope (its tick answers what it did).</summary>
    public Task<TickOutcome> TickAsync() =>
        Host.InScopeAsync(s => s.GetRequiredService<ReminderTickJob>().TickAsync(CancellationToken.None));

    /// <summary>A plain member of the demo office cell, added for the test, with a stored personal chat with the bot.</summary>
    public async Task<(TestScene Chat, Guid MemberId)> PlainReachableMemberAsync(string fullName)
    {
        var chat = SecretaryHost.PlainMember() with { OnRoster = false };
        var memberId = await Host.EnrolAsync(chat, fullName);
        await Host.InScopeAsync(async s =>
        {
            await s.GetRequiredService<IConversationReferenceStore>().UpsertNowAsync(new StoredConversationReference(
                "msteams", chat.ConversationId, chat.UserId, chat.UserAadObjectId, TestScene.BotId, chat.ServiceUrl, chat.TenantId, "personal", "vi-VN"), CancellationToken.None);
            return true;
        });
        return (chat, memberId);
    }

    public async Task<Guid> MemberIdAsync(string code) => (await DemoPeople.FindAsync(Host.Services, code)).Id;

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
