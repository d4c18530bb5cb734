using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Reminders;

public static class ReminderDialogsServiceCollectionExtensions
{
    /// <summary>
    /// "lịch nhắc" with its pause list, and "ai chưa nhận được tin nhắn". They need Core's reminder planner and pauses
    /// (registered with Core's storage) and the secretary's cell access (<c>AddKiemDiemSecretaryDialogs</c>).
    /// </summary>
    public static IServiceCollection AddKiemDiemReminderDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<ReminderScheduleAccess>();
        services.AddScoped<ReminderScheduleView>();
        services.AddScoped<IDialog, ReminderScheduleDialog>();
        services.AddScoped<IDialog, SaveReminderPausesDialog>();
        services.AddScoped<IDialog, UnreachableMembersDialog>();
        return services;
    }
}
