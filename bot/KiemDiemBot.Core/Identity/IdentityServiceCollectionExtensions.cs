using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Registers the turn member directory and the authoriser (both need Core's storage, <c>AddKiemDiemStorage</c>)
    /// and the <c>Review</c> settings, already bound and validated by the host.
    /// </summary>
    public static IServiceCollection AddKiemDiemMemberDirectory(this IServiceCollection services, ReviewOptions review)
    {
        ArgumentNullException.ThrowIfNull(review);
        services.AddSingleton(review);
        services.AddScoped<ITurnMemberDirectory, TurnMemberDirectory>();
        services.AddScoped<IMemberAuthorizer, MemberAuthorizer>();
        return services;
    }
}
