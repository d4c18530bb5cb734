using KiemDiemBot.Core.Notices;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Ballots;

public static class BallotServiceCollectionExtensions
{
    /// <summary>Secret ballots and the in-place updates of the cards posted for them (needs the storage registrations).</summary>
    public static IServiceCollection AddKiemDiemBallots(this IServiceCollection services)
    {
        services.AddScoped<IBallotService, BallotService>();
        services.AddScoped<IConversationPosts, ConversationPosts>();
        return services;
    }
}
