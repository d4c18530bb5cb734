using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Meetings;

public static class MeetingDialogsServiceCollectionExtensions
{
    /// <summary>
    /// Review meetings: "lịch họp" (a flow, in the meeting chat) and the meeting card's buttons "Hủy cuộc họp" and
    /// "Xem chương trình họp" (dialogs), and the draft circulation card's "Gửi góp ý". They need Core's meeting planner (registered with Core's storage).
    /// </summary>
    public static IServiceCollection AddKiemDiemMeetingDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKiemDiemFlow<MeetingScheduleFlow>();
        services.AddScoped<IDialog, CancelMeetingDialog>();
        services.AddScoped<IDialog, ShowAgendaDialog>();
        // "Gửi góp ý" on the draft circulation card.
        services.AddScoped<IDialog, SendDraftCommentDialog>();
        return services;
    }
}
