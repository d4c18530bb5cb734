using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.EndToEnd;

/// <summary>
/// The real host as a developer runs it: local mode (no App ID), Development, a fresh SQLite database,
/// Kestrel on 127.0.0.1 with a free port. <paramref name="configureServices"/> lets a test add to it.
/// To restart it, dispose it and start another on the same <paramref name="database"/> and <paramref name="port"/>
/// (the browser keeps what the page stored for that origin).
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase? _ownDatabase;
    private readonly WebApplicationFactory<Program> _factory;

    public LocalHost(Action<IServiceCollection>? configureServices = null, SqliteTestDatabase? database = null, int port = 0)
    {
        _ownDatabase = database is null ? new SqliteTestDatabase() : null;
        var connectionString = (database ?? _ownDatabase)!.ConnectionString;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("urls", $"http://127.0.0.1:{port}");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("ConnectionStrings:KiemDiem", connectionString);
            if (configureServices is not null)
            {
                web.ConfigureServices(configureServices);
            }
        });
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseAddress { get; }

    /// <summary>A loopback port free right now, for a host that must come back on the same address.</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _ownDatabase?.Dispose();
    }
}
