using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Rankings;

public static class RankingServiceCollectionExtensions
{
    /// <summary>The deciding body's adoption, approval ballot and re-ranking (issue 8); needs Core's storage.</summary>
    public static IServiceCollection AddKiemDiemRankings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IRankingDecisionService, RankingDecisionService>();
        return services;
    }
}
