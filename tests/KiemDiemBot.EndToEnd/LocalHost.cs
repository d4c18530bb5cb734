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
/// </summary>
internal sealed class LocalHost : IAsyncDisposable
{
    private readonly SqliteTestDatabase _database = new();
    private readonly WebApplicationFactory<Program> _factory;

    public LocalHost(Action<IServiceCollection>? configureServices = null)
    {
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Development");
            web.UseSetting("urls", "http://127.0.0.1:0");
            web.UseSetting("Bot:MicrosoftAppId", "");
            web.UseSetting("ConnectionStrings:KiemDiem", _database.ConnectionString);
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

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _database.Dispose();
    }
}
