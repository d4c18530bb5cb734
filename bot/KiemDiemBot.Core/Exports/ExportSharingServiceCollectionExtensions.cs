using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Exports;

public static class ExportSharingServiceCollectionExtensions
{
    /// <summary>
    /// Sharing exports through the organisation's files (<see cref="IExportSharing"/>); the host registers the
    /// <see cref="IFileStore"/> it runs on and the queue (<see cref="IExportShareQueue"/>) only when files are configured.
    /// </summary>
    public static IServiceCollection AddKiemDiemExportSharing(this IServiceCollection services)
    {
        services.AddScoped<IExportSharing, ExportSharing>();
        return services;
    }
}
