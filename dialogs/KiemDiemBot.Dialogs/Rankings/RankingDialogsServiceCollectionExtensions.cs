using KiemDiemBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Rankings;

public static class RankingDialogsServiceCollectionExtensions
{
    /// <summary>
    /// The deciding body's side: "thông qua kết quả" with the result card's button, the approval ballot's opening,
    /// "phiếu giấy" and "xếp loại lại" (flows). They need Core's IRankingDecisionService, IBallotService,
    /// IConversationPosts and IMemberNotices.
    /// </summary>
    public static IServiceCollection AddKiemDiemRankingDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IDialog, AdoptResultsDialog>();
        services.AddScoped<IDialog, OpenApprovalBallotDialog>();
        services.AddKiemDiemFlow<PaperTallyFlow>();
        services.AddKiemDiemFlow<ReRankFlow>();
        return services;
    }
}
