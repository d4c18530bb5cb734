using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Scheduler;

public static class UnreachableListServiceCollectionExtensions
{
    /// <summary>The handler of <see cref="Core.Reminders.OccasionKind.UnreachableList"/> occasions (scoped: one per occasion's scope).</summary>
    public static IServiceCollection AddKiemDiemUnreachableList(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddScoped<IOccasionHandler, UnreachableListHandler>();
        return services;
    }
}
