using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Only the address a listening Kestrel would report (<see cref="IServerAddressesFeature"/>), for a
/// <c>LocalChannelAddress</c> in a host on the in-memory test server, which listens nowhere. It serves nothing.
/// </summary>
public sealed class ReportedAddressServer : IServer
{
    public ReportedAddressServer(string address)
    {
        var addresses = new ServerAddressesFeature();
        addresses.Addresses.Add(address);
        Features.Set<IServerAddressesFeature>(addresses);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken)
        where TContext : notnull =>
        throw new InvalidOperationException("This server only reports an address; the test server serves the requests.");

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
