using Hangfire;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Files;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Bot.Graph;

public static class GraphFilesInstallServiceCollectionExtensions
{
    /// <summary>
    /// In Teams mode, when configured: <c>Graph:Files</c> puts exports in the organisation's SharePoint folder (or the
    /// member's OneDrive) through a background job that sends the link, beside Teams' file consent offer;
    /// <c>Graph:Install</c> installs the app hourly for members the bot cannot reach and tells their secretaries of
    /// failures. Call after <c>AddKiemDiemGraph</c> and <c>AddKiemDiemFiles</c>. Not configured: nothing changes.
    /// </summary>
    public static IServiceCollection AddKiemDiemGraphFilesAndInstall(this IServiceCollection services, BotOptions bot, GraphOptions graph)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(graph);
        if (bot.IsLocalMode)
        {
            return services;
        }
        if (graph.Files.IsEnabled)
        {
            services.AddScoped<IFileStore, GraphFileStore>();
            services.AddKiemDiemExportSharing();
            services.AddExportSharingJobs();
            services.AddHttpClient(GraphFileHttpClients.UploadSession, client => client.Timeout = Timeout.InfiniteTimeSpan)
                .AddHttpMessageHandler<GraphRetryHandler>();
            services.AddScoped<TeamsFileOffer>();
            services.RemoveAll<IFileOffer>();
            services.AddScoped<IFileOffer, SharedFileOffer>();
        }
        if (graph.Install.IsEnabled)
        {
            services.AddScoped<IAppInstaller, GraphAppInstaller>();
            services.AddKiemDiemAppInstallations();
            services.AddAppInstallJob();
        }
        return services;
    }

    /// <summary>The hourly installation run when <c>Graph:Install</c> is configured, removed when not (beside <c>ScheduleRecurringJobs</c>).</summary>
    public static WebApplication ScheduleGraphInstallJob(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var settings = app.Services.GetRequiredService<GraphOptions>();
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        if (!app.Services.GetRequiredService<BotOptions>().IsLocalMode && settings.Install.IsEnabled)
        {
            AppInstallJob.Schedule(jobs);
        }
        else
        {
            // Switched off since an earlier start: its entry would run a job no longer registered.
            jobs.RemoveIfExists(AppInstallJob.RecurringId);
        }
        return app;
    }
}
