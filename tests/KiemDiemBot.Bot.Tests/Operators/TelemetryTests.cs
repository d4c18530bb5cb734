using System.Diagnostics;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Telemetry;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KiemDiemBot.Bot.Tests.Operators;

/// <summary>
/// The KiemDiemBot traces and metrics as an OpenTelemetry exporter receives them (the in-memory exporter in place of
/// OTLP): a turn and a send through the real Connector client make their instruments, and no exported tag carries a
/// member's name, e-mail, conversation id or message text. (The meter is process-wide: other tests' hosts may add
/// points; every point is checked, and none may carry personal data either.)
/// </summary>
[Collection(Name)]
public sealed class TelemetryTests
{
    /// <summary>Runs alone: an ActivitySource's listeners see the spans of every host in the process, not only this test's.</summary>
    public const string Name = "Telemetry, alone";

    private const string SecretText = "Tin nhắn riêng tư 5d2e không được đo";

    [Fact]
    public async Task PostMessage_Turn_MakesTurnAndDeliveryInstrumentsWithoutPersonalData()
    {
        var activities = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        await using var bot = await ChannelBot.StartAsync(new TestHostSettings { Services = services => Export(services, activities, metrics) });
        var scene = TestScene.Personal();

        await bot.PostAsync(scene, scene.Message(SecretText));
        await bot.Factory.Connector.NextAsync();
        // The send is recorded (and its span ends) just after the Connector's answer.
        await WaitAsync(() => Task.FromResult(activities.Snapshot().Any(a => a.OperationName == "kiemdiem.delivery")));
        Flush(bot.Factory.Services);

        var turnSpan = Assert.Single(activities.Snapshot(), a => a.OperationName == "kiemdiem.turn" && (string?)a.GetTagItem(KiemDiemTelemetry.Tags.ActivityType) == "message");
        Assert.NotNull(turnSpan.GetTagItem(KiemDiemTelemetry.Tags.TurnId));
        Assert.Contains(activities.Snapshot(), a => a.OperationName == "kiemdiem.delivery" && (string?)a.GetTagItem(KiemDiemTelemetry.Tags.Operation) == "Reply");
        Assert.Contains(Points(metrics, "kiemdiem.turns.processed"), tags => tags.GetValueOrDefault(KiemDiemTelemetry.Tags.ActivityType) as string == "message");
        Assert.NotEmpty(Points(metrics, "kiemdiem.turn.duration"));
        Assert.Contains(Points(metrics, "kiemdiem.deliveries.sent"), tags => tags.GetValueOrDefault(KiemDiemTelemetry.Tags.Operation) as string == "Reply");
        AssertNoPersonalData(activities, metrics, SecretText, "Nguyễn Văn An", "@test.kiemdiem.vn", scene.ConversationId, scene.UserId, scene.UserAadObjectId);
    }

    [Fact]
    public async Task StageNotice_SentThroughTheConnector_MakesConnectorInstrumentsWithoutPersonalData()
    {
        var activities = new LockedCollection<Activity>();
        var metrics = new LockedCollection<MetricSnapshot>();
        var entra = new FakeEntraId(DeliveryHostSettings.AppId, DeliveryHostSettings.AppSecret);
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var connector = await FakeBotConnector.StartAsync(entra, TimeProvider.System);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment(Environments.Development);
            web.UseSetting("Storage:Provider", storage.Provider.ToString());
            web.UseSetting("ConnectionStrings:KiemDiem", storage.ConnectionString);
            web.UseSetting("Bot:MicrosoftAppId", DeliveryHostSettings.AppId);
            web.UseSetting("Bot:MicrosoftAppPassword", DeliveryHostSettings.AppSecret);
            web.UseSetting("Bot:MicrosoftAppTenantId", DeliveryHostSettings.TenantId);
            web.UseSetting("Bot:AllowedTenants:0", DeliveryHostSettings.TenantId);
            web.UseSetting("Bot:AuthorityHost", "https://login.telemetry.invalid");
            web.UseSetting("Bot:ConnectorHosts:0", "127.0.0.1");
            web.UseSetting("Turns:PollInterval", "00:00:00.100");
            web.ConfigureTestServices(services =>
            {
                OperatorHost.RemoveJobServer(services);
                services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
                Export(services, activities, metrics);
            });
        });
        var members = await TestDeliveries.SeedAsync(factory.Services, reachable: 1, unreachable: 0, connector.ServiceUrl);
        var member = Assert.Single(members);
        connector.AddConversation(member.ConversationId!);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var card = new System.Text.Json.Nodes.JsonObject { ["type"] = "AdaptiveCard", ["version"] = "1.5", ["body"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["type"] = "TextBlock", ["text"] = SecretText }) };
            await scope.ServiceProvider.GetRequiredService<IMemberNotices>().StageToMembersAsync([member.Id], card, "telemetry:test", CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }

        await WaitAsync(async () => (await TestDeliveries.ReadAsync(factory.Services, "telemetry:test")).All(d => d.Status == DeliveryStatus.Sent),
            async () => string.Join(",", (await TestDeliveries.ReadAsync(factory.Services, "telemetry:test")).Select(d => $"{d.Status}/{d.Attempts}/{d.LastError}")) + $" requests={connector.Requests.Count}");
        Flush(factory.Services);

        Assert.Contains(activities.Snapshot(), a => a.OperationName == "kiemdiem.connector SendToConversation" && a.GetTagItem(KiemDiemTelemetry.Tags.StatusCode) is 200 or 201);
        var calls = Points(metrics, "kiemdiem.connector.calls");
        Assert.Contains(calls, tags => tags.GetValueOrDefault(KiemDiemTelemetry.Tags.Operation) as string == "SendToConversation"
            && tags.GetValueOrDefault(KiemDiemTelemetry.Tags.StatusCode) is 200 or 201);
        Assert.NotEmpty(Points(metrics, "kiemdiem.connector.duration"));
        Assert.Contains(Points(metrics, "kiemdiem.deliveries.sent"), tags => tags.GetValueOrDefault(KiemDiemTelemetry.Tags.Proactive) is true);
        AssertNoPersonalData(activities, metrics, SecretText, "Đảng viên 1", "@test.kiemdiem.vn", member.ConversationId!, "29:" + member.ConversationId, connector.ServiceUrl);
    }

    private static void Export(IServiceCollection services, LockedCollection<Activity> activities, LockedCollection<MetricSnapshot> metrics) =>
        services.AddOpenTelemetry()
            .WithTracing(tracing => tracing.AddSource(KiemDiemTelemetry.Name).AddInMemoryExporter(activities))
            .WithMetrics(meters => meters.AddMeter(KiemDiemTelemetry.Name).AddInMemoryExporter(metrics));

    private static void Flush(IServiceProvider services)
    {
        Assert.True(services.GetRequiredService<TracerProvider>().ForceFlush());
        Assert.True(services.GetRequiredService<MeterProvider>().ForceFlush());
    }

    private static List<Dictionary<string, object?>> Points(LockedCollection<MetricSnapshot> metrics, string name) =>
        [.. metrics.Snapshot().Where(m => m.Name == name).SelectMany(m => m.MetricPoints).Select(TagsOf)];

    private static Dictionary<string, object?> TagsOf(MetricPoint point)
    {
        var tags = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value;
        }
        return tags;
    }

    private static void AssertNoPersonalData(LockedCollection<Activity> activities, LockedCollection<MetricSnapshot> metrics, params string[] personal)
    {
        List<string> values = [.. activities.Snapshot().SelectMany(a => a.TagObjects.Select(t => Convert.ToString(t.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(a.DisplayName).Append(a.OperationName))];
        values.AddRange(metrics.Snapshot().SelectMany(m => m.MetricPoints).SelectMany(p => TagsOf(p).Values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        Assert.NotEmpty(values);
        foreach (var secret in personal)
        {
            Assert.DoesNotContain(values, v => v.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> done, Func<Task<string>>? state = null)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(30);
        while (!await done())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "Not done within 30 seconds: " + (state is null ? "" : await state()));
            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static class DeliveryHostSettings
    {
        public const string AppId = "2b3c4d5e-6f70-4819-a2b3-c4d5e6f70819";
        public const string AppSecret = "telemetry-test-secret";
        public const string TenantId = "8a9b0c1d-2e3f-4a5b-9c6d-7e8f9a0b1c2d";
    }
}

[CollectionDefinition(TelemetryTests.Name, DisableParallelization = true)]
public sealed class TelemetryTestsAlone;
