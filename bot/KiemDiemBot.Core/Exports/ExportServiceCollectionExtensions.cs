using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Core.Exports;

public static class ExportServiceCollectionExtensions
{
    /// <summary>
    /// Registers the document exports (called by <c>AddKiemDiemStorage</c>: the self-review exporter reads through
    /// the self-review service). The place on the forms comes from the <c>Review</c> settings the host registers
    /// (<c>AddKiemDiemMemberDirectory</c>, before or after this); without them, forms leave the place blank.
    /// </summary>
    public static IServiceCollection AddKiemDiemExports(this IServiceCollection services)
    {
        services.TryAddSingleton(new ReviewOptions());
        services.AddScoped<ISelfReviewExporter, SelfReviewExporter>();
        services.AddScoped<IBallotExporter, BallotExporter>();
        services.AddScoped<IBallotExportScope, BallotExportScope>();
        return services;
    }
}
