using Hangfire;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;

namespace KiemDiemBot.Bot.Hosting;

public static class JobsExtensions
{
    public const string DashboardPath = "/jobs";

    public static IServiceCollection AddKiemDiemJobs(this IServiceCollection services, StorageOptions storage)
    {
        services.AddHangfire(configuration => configuration.UseKiemDiemJobStorage(storage));
        services.AddHangfireServer(options => options.WorkerCount = Math.Max(2, Environment.ProcessorCount));
        return services;
    }

    /// <summary>The Hangfire dashboard; Hangfire's default filter lets only local requests in.</summary>
    public static void MapKiemDiemJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions { DisplayStorageConnectionString = false });
}
