using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Stops the start of a host in local mode that listens on anything but loopback: the local channel and
/// <c>/api/messages</c> accept requests without a token there, which only this machine may send.
/// Runs once the server has bound its addresses, so every source of addresses (--urls, ASPNETCORE_URLS,
/// ASPNETCORE_HTTP_PORTS, Kestrel settings) is checked as it took effect.
/// </summary>
public sealed class LoopbackAddressGuard(IServer server) : IHostedLifecycleService
{
    public Task StartedAsync(CancellationToken cancellationToken)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !LoopbackAddress.IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Bot:MicrosoftAppId is empty, so the host plays the channel itself and accepts requests without a token; " +
                $"it must listen on loopback only, but it listens on {string.Join(", ", exposed)}. " +
                "Set Bot:MicrosoftAppId to run as a Teams bot, or listen on loopback only, e.g. --urls http://127.0.0.1:3978.");
        }
        return Task.CompletedTask;
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
