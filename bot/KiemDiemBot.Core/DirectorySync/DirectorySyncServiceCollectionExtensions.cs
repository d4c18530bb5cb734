using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.DirectorySync;

public static class DirectorySyncServiceCollectionExtensions
{
    /// <summary>
    /// Registers the roster sync (needs Core's storage and an <see cref="IDirectoryGroupSource"/> from the host).
    /// </summary>
    public static IServiceCollection AddKiemDiemRosterSync(this IServiceCollection services)
    {
        services.AddScoped<IRosterSync, RosterSync>();
        return services;
    }
}
