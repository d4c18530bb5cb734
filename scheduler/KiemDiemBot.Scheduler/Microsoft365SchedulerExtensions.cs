using KiemDiemBot.Core.Exports;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Scheduler;

public static class Microsoft365SchedulerExtensions
{
    /// <summary>Sharing exports through the organisation's files as a background job (<see cref="ShareExportJob"/>, <see cref="IExportShareQueue"/>).</summary>
    public static IServiceCollection AddExportSharingJobs(this IServiceCollection services)
    {
        services.AddScoped<ShareExportJob>();
        services.AddScoped<IExportShareQueue, ExportShareQueue>();
        return services;
    }

    /// <summary>Proactive installation of the app (<see cref="AppInstallJob"/>); its hourly entry is registered with <see cref="AppInstallJob.Schedule"/>.</summary>
    public static IServiceCollection AddAppInstallJob(this IServiceCollection services)
    {
        services.AddScoped<AppInstallJob>();
        return services;
    }
}
