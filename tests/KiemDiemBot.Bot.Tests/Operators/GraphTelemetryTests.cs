using System.Diagnostics;
using KiemDiemBot.Bot.Telemetry;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Graph;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KiemDiemBot.Bot.Tests.Operators;

/// <summary>Graph calls as the exporter receives them (providers built on the process-wide source and meter, so other tests' calls may show too): each HTTP attempt (a 429 and its retry) with the collection it addressed, and no id, name or address of a person.</summary>
public sealed class GraphTelemetryTests
{
    private static readonly FakeDirectoryUser Lan = new(Guid.Parse("6e1d2c3b-4a59-4687-9a8b-7c6d5e4f3a21"), "Đỗ Thị Đo Lường", "do.luong@so.gov.vn", "do.luong@so.gov.vn", "Chuyên viên");

    [Fact]
    public async Task GetUser_ThrottledThenAnswered_BothAttemptsMeasuredWithoutPersonalData()
    {
        var activities = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(KiemDiemTelemetry.Name).AddInMemoryExporter(activities).Build();
        using var meters = Sdk.CreateMeterProviderBuilder().AddMeter(KiemDiemTelemetry.Name).AddInMemoryExporter(metrics).Build();
        var entra = GraphHost.CreateEntra();
        await using var graph = new FakeGraph(entra, new FakeTimeProvider());
        new FakeGraphDirectory(graph).AddUser(Lan);
        await graph.StartAsync();
        graph.FailNext(1, FakeGraphFailure.Throttled(TimeSpan.FromSeconds(3)), "/users/");
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = GraphHost.Start(storage.Provider, storage.ConnectionString, graph, entra);

        var (user, _) = await host.RunPassingWaitsAsync(s => s.GetRequiredService<GraphServiceClient>().Users[Lan.Id.ToString()].GetAsync());
        Assert.True(tracing!.ForceFlush());
        Assert.True(meters!.ForceFlush());

        Assert.Equal(Lan.DisplayName, user!.DisplayName);
        var mine = activities.Snapshot().Where(a => a.OperationName == "kiemdiem.graph GET users").ToList();
        // Other tests' Graph hosts may run at the same time on the process-wide source: look for these two attempts among any.
        Assert.Contains(mine, a => a.GetTagItem(KiemDiemTelemetry.Tags.StatusCode) is 429 && a.Status == ActivityStatusCode.Error);
        Assert.Contains(mine, a => a.GetTagItem(KiemDiemTelemetry.Tags.StatusCode) is 200);
        var points = metrics.Snapshot().Where(m => m.Name == "kiemdiem.graph.calls").SelectMany(m => m.MetricPoints).ToList();
        Assert.Contains(points, p => Tag(p, KiemDiemTelemetry.Tags.GraphResource) == "users" && Tag(p, KiemDiemTelemetry.Tags.StatusCode) == "429");
        Assert.Contains(points, p => Tag(p, KiemDiemTelemetry.Tags.GraphResource) == "users" && Tag(p, KiemDiemTelemetry.Tags.StatusCode) == "200");
        var values = activities.Snapshot().SelectMany(a => a.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(a.DisplayName))
            .Concat(metrics.Snapshot().SelectMany(m => m.MetricPoints).SelectMany(p => AllTags(p)))
            .ToList();
        foreach (var personal in new[] { Lan.Id.ToString(), Lan.DisplayName, Lan.Mail!, graph.BaseUrl })
        {
            Assert.DoesNotContain(values, v => v.Contains(personal, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }
        return null;
    }

    private static IEnumerable<string> AllTags(MetricPoint point)
    {
        List<string> values = [];
        foreach (var tag in point.Tags)
        {
            values.Add(Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }
}
