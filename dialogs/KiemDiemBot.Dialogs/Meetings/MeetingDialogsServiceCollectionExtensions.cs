using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Meetings;

public static class MeetingDialogsServiceCollectionExtensions
{
    /// <summary>
    /// Review meetings: "lịch họp" (a flow, in the meeting chat) and the meeting card's buttons "Hủy cuộc họp" and
    /// "Xem chương trình họp" (dialogs). They need Core's meeting planner (registered with Core's storage).
    /// </summary>
    public static IServiceCollection AddKiemDiemMeetingDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKiemDiemFlow<MeetingScheduleFlow>();
        services.AddScoped<IDialog, CancelMeetingDialog>();
        services.AddScoped<IDialog, ShowAgendaDialog>();
        return services;
    }
}
