using System.Collections.Concurrent;
using Hangfire;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.Graph;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Bot.Tests.Secretary;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs.Exports;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>
/// The secretary's host (<see cref="SecretaryHost"/>: the real host in Teams mode on the demo organisation) with
/// <c>Graph:Files</c> and <c>Graph:Install</c> configured against a <see cref="FakeGraph"/> over HTTP (files and app
/// installation areas), Graph tokens from <see cref="FakeEntraId"/>, and the export dialogs. The share queue is the
/// real one (a Hangfire job in the job store) and also records each request, so that a test runs the job itself (no
/// Hangfire server runs in tests).
/// </summary>
internal sealed class GraphFilesInstallHost : IAsyncDisposable
{
    public const string TeamsAppId = "3f6a1c2e-5b7d-4e9f-8a1b-2c3d4e5f6a7b";
    public const string Folder = "KiemDiemBot";

    private GraphFilesInstallHost(FakeGraph graph, FakeGraphFiles files, FakeGraphInstall install, SecretaryHost host, ShareRequests requests)
    {
        Graph = graph;
        Files = files;
        Install = install;
        Host = host;
        Requests = requests;
    }

    public FakeGraph Graph { get; }

    public FakeGraphFiles Files { get; }

    public FakeGraphInstall Install { get; }

    public SecretaryHost Host { get; }

    public ShareRequests Requests { get; }

    public IServiceProvider Services => Host.Services;

    public static async Task<GraphFilesInstallHost> StartAsync(
        StorageProvider provider, string? connectionString, bool personalExportsToOneDrive = true, IReadOnlyDictionary<string, string>? settings = null)
    {
        var entra = new FakeEntraId(BotApplicationFactory.AppId, "test-secret-not-used", "https://graph.microsoft.com/.default");
        var graph = new FakeGraph(entra, TimeProvider.System);
        var files = new FakeGraphFiles(graph);
        var install = new FakeGraphInstall(graph, TeamsAppId);
        await graph.StartAsync();
        var requests = new ShareRequests();
        var all = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Bot:AuthorityHost"] = "https://login.graph-tests.invalid",
            ["Graph:BaseUrl"] = graph.BaseUrl,
            ["Graph:Files:DriveId"] = FakeGraphFiles.LibraryDriveId,
            ["Graph:Files:Folder"] = Folder,
            ["Graph:Files:PersonalExportsToOneDrive"] = personalExportsToOneDrive ? "true" : "false",
            ["Graph:Install:TeamsAppId"] = TeamsAppId,
        };
        var host = await SecretaryHost.StartAsync(provider, connectionString, services =>
        {
            services.AddKiemDiemExportDialogs();
            // Graph's tokens come from the fake Entra ID (the Connector is a test client and asks none).
            services.AddHttpClient(ConnectorHttpClients.Entra).ConfigurePrimaryHttpMessageHandler(() => entra);
            services.AddHttpClient(GraphFileHttpClients.UploadSession).ConfigurePrimaryHttpMessageHandler(() => files.UploadHandler);
            services.AddSingleton(requests);
            services.RemoveAll<IExportShareQueue>();
            services.AddScoped<IExportShareQueue, RecordingShareQueue>();
        }, all);
        return new GraphFilesInstallHost(graph, files, install, host, requests);
    }

    /// <summary>Runs the share job for a recorded request, as Hangfire would.</summary>
    public Task<SharedExport?> RunShareJobAsync((ExportShareRequest Request, Guid RequestId) queued) =>
        Host.InScopeAsync(s => s.GetRequiredService<ShareExportJob>().ShareAsync(queued.Request, queued.RequestId, CancellationToken.None));

    /// <summary>Runs the installation job once, as Hangfire's hourly entry would.</summary>
    public Task<AppInstallOutcome> RunInstallJobAsync() =>
        Host.InScopeAsync(s => s.GetRequiredService<AppInstallJob>().InstallAsync(CancellationToken.None));

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Graph.DisposeAsync();
    }

    /// <summary>The requests handed to the share queue, in order.</summary>
    internal sealed class ShareRequests
    {
        private readonly ConcurrentQueue<(ExportShareRequest, Guid)> queued = new();

        public IReadOnlyList<(ExportShareRequest Request, Guid RequestId)> All => [.. queued];

        public void Add(ExportShareRequest request, Guid requestId) => queued.Enqueue((request, requestId));
    }

    /// <summary>The real queue (a Hangfire job in the store), recording each request for the test to run.</summary>
    private sealed class RecordingShareQueue(ShareRequests requests, IBackgroundJobClient jobs) : IExportShareQueue
    {
        public void Enqueue(ExportShareRequest request, Guid requestId)
        {
            new ExportShareQueue(jobs).Enqueue(request, requestId);
            requests.Add(request, requestId);
        }
    }
}
