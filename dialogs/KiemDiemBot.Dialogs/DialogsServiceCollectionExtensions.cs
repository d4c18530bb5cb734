using KiemDiemBot.Dialogs.Ballots;
using KiemDiemBot.Dialogs.Exports;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Meetings;
using KiemDiemBot.Dialogs.Rankings;
using KiemDiemBot.Dialogs.Reminders;
using KiemDiemBot.Dialogs.Secretary;
using KiemDiemBot.Dialogs.SelfReviews;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// Registers every dialog as <see cref="IDialog"/> (the router picks one by command or verb), the
    /// welcome dialog as <see cref="IWelcomeDialog"/>, the fallback as <see cref="IFallbackDialog"/>, and the
    /// <see cref="FlowEngine"/> as the dialog of every flow's commands and card submits and as the
    /// <see cref="IActiveFlowDialog"/>. Dialogs are scoped: a turn resolves them from its own scope, next to its
    /// unit of work. The engine needs Core's storage (<c>AddKiemDiemStorage</c>) and logging.
    /// </summary>
    public static IServiceCollection AddKiemDiemDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddScoped<WelcomeDialog>();
        services.AddScoped<IDialog>(provider => provider.GetRequiredService<WelcomeDialog>());
        services.AddScoped<IWelcomeDialog>(provider => provider.GetRequiredService<WelcomeDialog>());

        services.AddScoped<IDialog, HelpDialog>();

        // Needs the host's IFileOffer and Core's review services.
        services.AddScoped<IDialog, ExportSelfReviewDialog>();
        services.AddScoped<SelfReviews.SelfReviewAccess>();

        services.AddScoped<IFallbackDialog, NotUnderstoodDialog>();

        services.AddScoped<FlowEngine>();
        services.AddScoped<IDialog>(provider => provider.GetRequiredService<FlowEngine>());
        services.AddScoped<IActiveFlowDialog>(provider => provider.GetRequiredService<FlowEngine>());

        // The member's self-review (needs Core's review services and the authoriser, AddKiemDiemMemberDirectory).
        services.AddKiemDiemFlow<SelfReviewFlow>();
        services.AddKiemDiemFlow<SelfReviewProxyFlow>();

        services.AddKiemDiemSecretaryDialogs();
        services.AddKiemDiemMeetingDialogs();
        services.AddKiemDiemBallotDialogs();
        services.AddKiemDiemRankingDialogs();
        services.AddKiemDiemExportDialogs();
        // lịch nhắc and ai chưa nhận được tin nhắn (need Core's reminder planner and pauses, and the secretary's cell access).
        services.AddKiemDiemReminderDialogs();
        return services;
    }

    /// <summary>Adds a flow to the <see cref="FlowEngine"/>: its start commands and card submits reach it.</summary>
    public static IServiceCollection AddKiemDiemFlow<TFlow>(this IServiceCollection services)
        where TFlow : Flow
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<Flow, TFlow>();
        return services;
    }
}
