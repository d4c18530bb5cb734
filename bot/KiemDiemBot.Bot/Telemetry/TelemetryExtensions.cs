using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Graph;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KiemDiemBot.Bot.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Measures Graph requests (<see cref="GraphTelemetryHandler"/> on the <see cref="GraphHttpClients.Graph"/> client;
    /// call after <c>AddKiemDiemGraph</c>), and, when
    /// <c>Operators:OtlpEndpoint</c> is set, exports <see cref="KiemDiemTelemetry"/>'s traces and metrics there by OTLP
    /// (gRPC unless <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>). Nothing else is exported: no ASP.NET Core or
    /// HttpClient instrumentation, whose URLs would carry conversation ids and file tokens. Unset: nothing is exported.
    /// </summary>
    public static IServiceCollection AddKiemDiemTelemetry(this IServiceCollection services, OperatorsOptions operators, GraphOptions graph)
    {
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(graph);
        if (Uri.TryCreate(graph.BaseUrl, UriKind.Absolute, out var graphBase))
        {
            // Innermost on Graph's client (added after AddKiemDiemGraph's handlers): every HTTP attempt is measured, retries included.
            services.AddHttpClient(GraphHttpClients.Graph).AddHttpMessageHandler(() => new GraphTelemetryHandler(graphBase));
        }
        if (string.IsNullOrWhiteSpace(operators.OtlpEndpoint))
        {
            return services;
        }
        var endpoint = new Uri(operators.OtlpEndpoint);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(KiemDiemTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(KiemDiemTelemetry.Name)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint))
            .WithMetrics(metrics => metrics
                .AddMeter(KiemDiemTelemetry.Name)
                .AddOtlpExporter(otlp => otlp.Endpoint = endpoint));
        return services;
    }
}
