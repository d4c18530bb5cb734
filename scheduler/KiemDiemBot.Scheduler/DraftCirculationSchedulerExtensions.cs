using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Scheduler;

public static class DraftCirculationSchedulerExtensions
{
    /// <summary>The tick's handler of <see cref="Core.Reminders.OccasionKind.DraftCirculation"/>; needs Core's draft circulation (registered with Core's storage).</summary>
    public static IServiceCollection AddDraftCirculationHandler(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IOccasionHandler, DraftCirculationHandler>();
        return services;
    }
}
