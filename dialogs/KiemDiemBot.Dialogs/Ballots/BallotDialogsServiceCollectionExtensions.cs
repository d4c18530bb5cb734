using KiemDiemBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Ballots;

public static class BallotDialogsServiceCollectionExtensions
{
    /// <summary>
    /// The meeting chat's ballots: "mở phiếu" (a flow), the private ballot's cast (a stateless dialog: no flow state
    /// holds a choice), "đóng phiếu", the result card again, and the re-vote. They need Core's IBallotService,
    /// IConversationPosts and IMemberNotices.
    /// </summary>
    public static IServiceCollection AddKiemDiemBallotDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddKiemDiemFlow<OpenBallotFlow>();
        services.AddScoped<IDialog, CastBallotDialog>();
        services.AddScoped<IDialog, CloseBallotDialog>();
        services.AddScoped<IDialog, ShowBallotResultDialog>();
        services.AddScoped<IDialog, OpenRevoteDialog>();
        return services;
    }
}
