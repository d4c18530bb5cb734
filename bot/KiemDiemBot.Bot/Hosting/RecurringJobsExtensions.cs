using Hangfire;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.Options;

namespace KiemDiemBot.Bot.Hosting;

public static class RecurringJobsExtensions
{
    /// <summary>Registers the <see cref="JobCatalogue"/>'s recurring jobs under their stable ids; each start updates the same entries.</summary>
    public static void ScheduleRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        JobCatalogue.ScheduleAll(jobs, app.Services.GetRequiredService<IBackgroundJobClient>(), app.Services.GetRequiredService<IOptions<TurnPipelineOptions>>().Value.Retention,
            app.Services.GetService<RosterSyncSchedule>());
    }
}
