using KiemDiemBot.Core.Reviews;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document exports. The self-review exporter needs the self-review service (Core's storage)
    /// and the <c>Review</c> settings (<c>AddKiemDiemMemberDirectory</c>).
    /// </summary>
    public static IServiceCollection AddKiemDiemExports(this IServiceCollection services)
    {
        services.AddScoped<ISelfReviewExporter, SelfReviewExporter>();
        return services;
    }
}
