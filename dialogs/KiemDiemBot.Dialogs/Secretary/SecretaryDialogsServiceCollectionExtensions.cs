using KiemDiemBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Secretary;

public static class SecretaryDialogsServiceCollectionExtensions
{
    /// <summary>
    /// The secretary's commands: "mở đợt kiểm điểm" and "ngày họp" (flows), "tiến độ" with the progress card's
    /// buttons (dialogs). Everything they need is in Core's storage registrations.
    /// </summary>
    public static IServiceCollection AddKiemDiemSecretaryDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKiemDiemFlow<OpenCycleFlow>();
        services.AddKiemDiemFlow<MeetingDatesFlow>();
        services.AddScoped<CellProgressAccess>();
        services.AddScoped<IDialog, CellProgressDialog>();
        services.AddScoped<IDialog, MarkCommentDialog>();
        services.AddScoped<IDialog, RemindNowDialog>();
        services.AddScoped<IDialog, UnlockSelfReviewDialog>();
        return services;
    }
}
