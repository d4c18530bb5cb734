using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Notices;

public static class AppInstallServiceCollectionExtensions
{
    /// <summary>Proactive installation of the app (<see cref="IAppInstallations"/>); the host registers the <see cref="IAppInstaller"/> it runs on.</summary>
    public static IServiceCollection AddKiemDiemAppInstallations(this IServiceCollection services)
    {
        services.AddScoped<IAppInstallations, AppInstallations>();
        return services;
    }
}
