using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Scheduler;

public static class SchedulerServiceCollectionExtensions
{
    /// <summary>
    /// The jobs of the <see cref="JobCatalogue"/> and the occasion handlers the <see cref="ReminderTickJob"/> runs,
    /// one per <see cref="Core.Reminders.OccasionKind"/> (each in the occasion's scope).
    /// </summary>
    public static IServiceCollection AddKiemDiemScheduler(this IServiceCollection services)
    {
        services.AddScoped<PruneTurnsJob>();
        services.AddScoped<RosterSyncJob>();
        services.AddScoped<ReminderTickJob>();
        services.AddScoped<MeetingCalendarJob>();
        services.AddScoped<MemberReminderStager>();
        services.AddScoped<IOccasionHandler, MemberReminderHandler>();
        services.AddScoped<IOccasionHandler, OverdueReminderHandler>();
        services.AddScoped<IOccasionHandler, SecretaryDigestHandler>();
        services.AddScoped<IOccasionHandler, BodyDeadlineHandler>();
        services.AddScoped<IOccasionHandler, UnreachableListHandler>();
        services.AddDraftCirculationHandler();
        return services;
    }
}
