using Hangfire;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Operators;
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
    /// The Hangfire dashboard at <see cref="DashboardPath"/>. In local mode, for the local user (Hangfire's default
    /// filter admits loopback requests only). Outside local mode, only behind operator sign-in (the
    /// <see cref="OperatorAccess.PolicyName"/> policy, and Hangfire's own check that the user is an operator), and not
    /// at all when sign-in is not configured (<c>Operators:ClientId</c> empty).
    /// </summary>
    public static void MapKiemDiemJobsDashboard(this WebApplication app)
    {
        var local = app.Services.GetRequiredService<BotOptions>().IsLocalMode;
        if (local)
        {
            app.MapHangfireDashboard(DashboardPath, new DashboardOptions { DisplayStorageConnectionString = false });
            return;
        }
        if (!app.Services.GetRequiredService<OperatorsOptions>().IsSignInConfigured)
        {
            return;
        }
        app.MapHangfireDashboard(DashboardPath, new DashboardOptions
        {
            DisplayStorageConnectionString = false,
            AppPath = OperatorEndpoints.Path,
            Authorization = [new OperatorDashboardAuthorization(app.Services.GetRequiredService<OperatorAccess>())],
        })
            .RequireAuthorization(OperatorAccess.PolicyName);
    }
}
