using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Where the host really listens (from the server's <see cref="IServerAddressesFeature"/>, so a port
/// chosen at start-up is found too): the serviceUrl the local channel stamps on activities, through which
/// the bot's Connector client reaches this host again, and the bot's <c>/api/messages</c> endpoint.
/// </summary>
public sealed class LocalChannelAddress(IServer server)
{
    private Uri? _serviceUrl;

    /// <summary>The Connector base address, e.g. <c>http://127.0.0.1:3978/</c>.</summary>
    public Uri ServiceUrl => _serviceUrl ??= Resolve()
        ?? throw new InvalidOperationException("The local channel needs the host to listen on a TCP address; the server reports none.");

    /// <summary>True when the server listens on a TCP address (an in-memory test server does not).</summary>
    public bool IsListening => _serviceUrl is not null || Resolve() is not null;

    /// <summary>The bot's messaging endpoint on the same host.</summary>
    public Uri BotEndpoint => new(ServiceUrl, "api/messages");

    private Uri? Resolve()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var bindings = addresses.Select(BindingAddress.Parse).Where(b => !b.IsUnixPipe && !b.IsNamedPipe).ToList();
        var binding = bindings.FirstOrDefault(b => b.Scheme == Uri.UriSchemeHttp) ?? bindings.FirstOrDefault();
        if (binding is null)
        {
            return null;
        }
        var host = binding.Host.Trim('[', ']');
        // localhost binds both 127.0.0.1 and ::1; plain http goes to the IPv4 one. https keeps the name its certificate is for.
        var serviceHost = binding.Scheme == Uri.UriSchemeHttp && string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
            ? "127.0.0.1"
            : binding.Host;
        return new Uri($"{binding.Scheme}://{serviceHost}:{binding.Port}/");
    }

    /// <summary>The serviceUrl as activities carry it.</summary>
    public string ServiceUrlText => ServiceUrl.AbsoluteUri;
}
