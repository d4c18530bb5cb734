using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>The reminder plan, its audience and the secretaries' pauses (issue 9); needs Core's storage, the progress service and the audit trail.</summary>
    public static IServiceCollection AddKiemDiemReminders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IReminderPlanner, ReminderPlanner>();
        services.AddScoped<IReminderAudience, ReminderAudience>();
        services.AddScoped<IReminderPauses, ReminderPauses>();
        return services;
    }
}
