using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>The host's Graph client as registered, over HTTP to a fake Graph: tokens, throttling, errors.</summary>
public sealed class GraphPlumbingTests
{
    private static readonly FakeDirectoryUser Lan = new(Guid.Parse("0f5b8f0e-2a51-4c3a-9d77-1c1e4b2a6f10"), "Nguyễn Thị Lan", "lan@so.gov.vn", "lan@so.gov.vn", "Chuyên viên");

    [Fact]
    public async Task GetUser_ThrottledOnceThenAnswered_WaitsRetryAfterOnTheClockAndSendsGraphToken()
    {
        var entra = GraphHost.CreateEntra();
        await using var graph = new FakeGraph(entra, new FakeTimeProvider());
        var directory = new FakeGraphDirectory(graph);
        directory.AddUser(Lan);
        await graph.StartAsync();
        graph.FailNext(1, FakeGraphFailure.Throttled(TimeSpan.FromSeconds(7)), "/users/");
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = GraphHost.Start(storage.Provider, storage.ConnectionString, graph, entra);

        var (user, waits) = await host.RunPassingWaitsAsync(s => s.GetRequiredService<GraphServiceClient>().Users[Lan.Id.ToString()]
            .GetAsync(r => r.QueryParameters.Select = ["id", "displayName", "jobTitle"]));

        Assert.Equal("Nguyễn Thị Lan", user!.DisplayName);
        Assert.Equal("Chuyên viên", user.JobTitle);
        Assert.Equal([TimeSpan.FromSeconds(7)], waits);
        Assert.Equal([429, 200], graph.Requests.Select(r => r.Status));
        Assert.Equal(1, entra.TokenRequestCount);
        Assert.Equal([GraphHost.TenantId], entra.TokenRequestTenants);
        Assert.Empty(graph.UnhandledRequests);
    }

    [Fact]
    public async Task GetUser_RetryAfterBeyondMaxDelay_FailsWithGraphsErrorWithoutWaiting()
    {
        var entra = GraphHost.CreateEntra();
        await using var graph = new FakeGraph(entra, new FakeTimeProvider());
        var directory = new FakeGraphDirectory(graph);
        directory.AddUser(Lan);
        await graph.StartAsync();
        graph.FailNext(1, FakeGraphFailure.Throttled(TimeSpan.FromMinutes(5)), "/users/");
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = GraphHost.Start(storage.Provider, storage.ConnectionString, graph, entra);

        var error = await Assert.ThrowsAsync<ODataError>(() => host.RunPassingWaitsAsync(s => s.GetRequiredService<GraphServiceClient>().Users[Lan.Id.ToString()].GetAsync()));

        Assert.Equal(429, error.ResponseStatusCode);
        Assert.Equal("TooManyRequests", error.Error?.Code);
        Assert.Single(graph.Requests);
    }

    [Fact]
    public async Task GetUser_ServiceUnavailableTwice_BacksOffAndSucceeds()
    {
        var entra = GraphHost.CreateEntra();
        await using var graph = new FakeGraph(entra, new FakeTimeProvider());
        var directory = new FakeGraphDirectory(graph);
        directory.AddUser(Lan);
        await graph.StartAsync();
        graph.FailNext(2, FakeGraphFailure.ServiceUnavailable(), "/users/");
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = GraphHost.Start(storage.Provider, storage.ConnectionString, graph, entra);

        var (user, waits) = await host.RunPassingWaitsAsync(s => s.GetRequiredService<GraphServiceClient>().Users[Lan.Id.ToString()].GetAsync());

        Assert.Equal(Lan.Id.ToString(), user!.Id);
        // Exponential backoff from Graph:Retry:BaseDelay (1 s), jitter pinned to the band's middle.
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], waits);
    }

    [Fact]
    public async Task AddKiemDiemGraph_NoGraphFeature_RegistersNoClient()
    {
        var entra = GraphHost.CreateEntra();
        await using var graph = new FakeGraph(entra, new FakeTimeProvider());
        await graph.StartAsync();
        await using var storage = await MigratedStorage.CreateAsync(StorageProvider.Sqlite, TimeProvider.System);
        await using var host = GraphHost.Start(storage.Provider, storage.ConnectionString, graph, entra, new Dictionary<string, string> { ["Graph:Roster:Enabled"] = "false" });

        Assert.Null(host.Services.GetService<GraphServiceClient>());
    }
}
