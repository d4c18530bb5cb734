using System.Text.Json;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Graph;
using KiemDiemBot.Bot.Health;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace KiemDiemBot.Bot.Hosting;

/// <summary>
/// <c>/healthz</c>: is this instance able to work (the database answers and is migrated, the job store answers, the
/// bot can get its Connector token, and any other token a configured feature needs). <c>/readyz</c>: may a load
/// balancer send it turns now (started, not stopping, the database answers). Both anonymous and cheap; JSON with
/// each check's status and a short reason, 200 when all are healthy, 503 otherwise. In local mode the Host and
/// loopback guards stand in front of them as in front of everything.
/// </summary>
public static class HealthExtensions
{
    public const string HealthPath = "/healthz";
    public const string ReadyPath = "/readyz";

    private const string LiveTag = "health";
    private const string ReadyTag = "ready";
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddKiemDiemHealth(this IServiceCollection services, BotOptions bot, GraphOptions graph)
    {
        var checks = services.AddHealthChecks()
            .Add(new HealthCheckRegistration("database", sp => ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(sp, false), HealthStatus.Unhealthy, [LiveTag], CheckTimeout))
            .Add(new HealthCheckRegistration("job-store", sp => ActivatorUtilities.CreateInstance<JobStoreHealthCheck>(sp), HealthStatus.Unhealthy, [LiveTag], CheckTimeout))
            .Add(new HealthCheckRegistration("started", sp => ActivatorUtilities.CreateInstance<StartedHealthCheck>(sp), HealthStatus.Unhealthy, [ReadyTag], CheckTimeout))
            .Add(new HealthCheckRegistration("database-reachable", sp => ActivatorUtilities.CreateInstance<DatabaseHealthCheck>(sp, true), HealthStatus.Unhealthy, [ReadyTag], CheckTimeout));
        if (!bot.IsLocalMode)
        {
            checks.AddTokenCheck("connector-token", (sp, cancellationToken) => sp.GetRequiredService<IBotTokenProvider>().GetTokenAsync(false, cancellationToken));
        }
        if (!bot.IsLocalMode && graph.AnyFeature)
        {
            // The token Graph's client would send to Graph:BaseUrl (AddKiemDiemGraph registers the provider in this case).
            var graphRoot = new Uri(graph.BaseUrl);
            checks.AddTokenCheck("graph-token", async (sp, cancellationToken) =>
                await sp.GetRequiredService<GraphAccessTokenProvider>().GetAuthorizationTokenAsync(graphRoot, cancellationToken: cancellationToken));
        }
        // Another token a feature needs: checks.AddTokenCheck("name", (sp, ct) => its provider's GetTokenAsync(ct)).
        return services;
    }

    /// <summary>
    /// A <c>/healthz</c> check that a token can be had; <paramref name="acquire"/> asks the feature's token provider
    /// (from its cache when fresh) and answers the token, which is never shown.
    /// </summary>
    public static IHealthChecksBuilder AddTokenCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, CancellationToken, Task<string?>> acquire) =>
        checks.Add(new HealthCheckRegistration(
            name,
            sp => ActivatorUtilities.CreateInstance<TokenHealthCheck>(sp, sp, acquire),
            HealthStatus.Unhealthy,
            [LiveTag],
            CheckTimeout));

    public static void MapKiemDiemHealth(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, Options(LiveTag)).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, Options(ReadyTag)).AllowAnonymous();
    }

    private static HealthCheckOptions Options(string tag) => new()
    {
        Predicate = registration => registration.Tags.Contains(tag),
        AllowCachingResponses = false,
        ResultStatusCodes =
        {
            [HealthStatus.Healthy] = StatusCodes.Status200OK,
            [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
            [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
        },
        ResponseWriter = WriteAsync,
    };

    // Each check's status and reason only: HealthReportEntry's exception and data are never written.
    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.Select(entry => new
            {
                name = entry.Key,
                status = entry.Value.Status.ToString(),
                reason = entry.Value.Description ?? (entry.Value.Exception is { } failure ? HealthReason.Of(failure) : null),
            }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json), context.RequestAborted);
    }
}
