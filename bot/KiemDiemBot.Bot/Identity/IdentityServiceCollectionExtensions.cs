using KiemDiemBot.Core.Identity;

namespace KiemDiemBot.Bot.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <c>Review</c> section (a bad key stops the start with one message listing
    /// every bad key) and registers Core's member directory and authoriser and the scoped
    /// <see cref="TurnIdentityResolver"/>. Needs Core's storage, <see cref="Configuration.BotOptions"/> and the
    /// Connector client (<c>AddKiemDiemStorage</c>, <c>AddKiemDiemMessaging</c>).
    /// </summary>
    public static IServiceCollection AddKiemDiemIdentity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var review = new ReviewOptions();
        configuration.GetSection(ReviewOptions.SectionName).Bind(review);
        var errors = review.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("Invalid settings: " + string.Join(" ", errors));
        }
        services.AddKiemDiemMemberDirectory(review);
        services.AddScoped<TurnIdentityResolver>();
        return services;
    }
}
