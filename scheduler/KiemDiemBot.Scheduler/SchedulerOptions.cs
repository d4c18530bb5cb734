namespace KiemDiemBot.Scheduler;

/// <summary>The <c>Scheduler</c> section: Hangfire's server and dashboard.</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>
    /// Serves Hangfire's dashboard at <c>/jobs</c> outside local mode (in local mode it is always served).
    /// Off by default: until sign-in comes with the Microsoft 365 issue, the dashboard admits local requests
    /// only (Hangfire's own filter), and behind a reverse proxy on the same machine every request looks local.
    /// </summary>
    public bool DashboardEnabled { get; set; }
}
