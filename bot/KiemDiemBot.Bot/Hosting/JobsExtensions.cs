using Hangfire;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;

namespace KiemDiemBot.Bot.Hosting;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    /// <summary>Hangfire's server on the job storage, and <see cref="JobStorageSchema"/> for <c>migrate</c> and the start-up check.</summary>
    public static IServiceCollection AddKiemDiemJobs(this IServiceCollection services, StorageOptions storage)
    {
        services.AddHangfire(configuration => configuration.UseKiemDiemJobStorage(storage));
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        services.AddSingleton(new JobStorageSchema(storage));
        return services;
    }

    /// <summary>
    /// The Hangfire dashboard at <see cref="DashboardPath"/>: in local mode, and outside it only when
    /// <c>Scheduler:DashboardEnabled</c> is true. Hangfire's default filter lets only local requests in; sign-in
    /// comes with the Microsoft 365 issue.
    /// </summary>
    public static void MapKiemDiemJobsDashboard(this WebApplication app)
    {
        var local = app.Services.GetRequiredService<BotOptions>().IsLocalMode;
        if (local || app.Services.GetRequiredService<SchedulerOptions>().DashboardEnabled)
        {
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { DisplayStorageConnectionString = false });
        }
    }
}
