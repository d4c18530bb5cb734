using KiemDiemBot.Scheduler;

namespace KiemDiemBot.Bot.Hosting;

public static class ClockExtensions
{
    /// <summary>
    /// The clock every decision reads: the system's, or the demo clock when <c>Scheduler:Now</c> is set (refused in
    /// Production by the options' validation), which starts at that instant and runs on.
    /// </summary>
    public static IServiceCollection AddKiemDiemClock(this IServiceCollection services, SchedulerOptions scheduler)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        services.AddSingleton(scheduler.DemoStart is { } start ? new DemoTimeProvider(start, TimeProvider.System) : TimeProvider.System);
        return services;
    }
}
