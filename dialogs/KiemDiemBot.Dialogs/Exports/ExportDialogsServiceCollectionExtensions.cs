using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs.Exports;

public static class ExportDialogsServiceCollectionExtensions
{
    /// <summary>
    /// "xuất biên bản" and "xuất danh sách xếp loại" with their buttons. They need Core's exports (registered with
    /// storage), the member notices and the host's <see cref="IFileOffer"/>.
    /// </summary>
    public static IServiceCollection AddKiemDiemExportDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<BallotPaperDelivery>();
        services.AddScoped<IDialog, ExportMinutesDialog>();
        services.AddScoped<IDialog, ExportRankingListDialog>();
        return services;
    }
}
