using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.LocalChannel;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Where the Connector client may send (PROTOCOL.md 3.1: keep your own allow-list of Connector hosts). Every
/// call carries the bot's token, so a stored serviceUrl that points elsewhere must never be called:
/// <see cref="BotOptions.ConnectorHosts"/> over https, plain http only to a loopback host (a test's Connector),
/// and in local mode the host's own local channel.
/// </summary>
public sealed class ConnectorHostAllowList
{
    private const string WildcardPrefix = "*.";

    private readonly HashSet<string> exactHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> parentDomains = [];
    private readonly LocalChannelAddress? localChannel;

    /// <param name="localChannel">Registered in local mode only, hence optional.</param>
    public ConnectorHostAllowList(BotOptions options, LocalChannelAddress? localChannel = null)
    {
        foreach (var entry in options.ConnectorHosts.Select(e => e.Trim().TrimEnd('.')))
        {
            if (entry.StartsWith(WildcardPrefix, StringComparison.Ordinal))
            {
                // Kept with its leading dot, so *.example.com matches a.example.com but not example.com or badexample.com.
                parentDomains.Add(entry[1..]);
            }
            else
            {
                exactHosts.Add(entry);
            }
        }
        this.localChannel = options.IsLocalMode ? localChannel : null;
    }

    /// <summary>True for a host name (<c>smba.trafficmanager.net</c>) or a wildcard over a domain (<c>*.example.com</c>).</summary>
    public static bool IsValidEntry(string? entry)
    {
        if (string.IsNullOrWhiteSpace(entry))
        {
            return false;
        }
        var host = entry.Trim().TrimEnd('.');
        if (host.StartsWith(WildcardPrefix, StringComparison.Ordinal))
        {
            host = host[WildcardPrefix.Length..];
            // A wildcard over a bare top-level name (*.net) would allow half the internet.
            if (!host.Contains('.', StringComparison.Ordinal))
            {
                return false;
            }
        }
        return Uri.CheckHostName(host) is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6;
    }

    public bool IsAllowed(Uri uri)
    {
        if (!uri.IsAbsoluteUri)
        {
            return false;
        }
        if (localChannel is { IsListening: true } && IsSameOrigin(uri, localChannel.ServiceUrl))
        {
            return true;
        }
        if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return false;
        }
        var host = uri.IdnHost.TrimEnd('.');
        return exactHosts.Contains(host)
            || parentDomains.Any(domain => host.EndsWith(domain, StringComparison.OrdinalIgnoreCase));
    }

    /// <exception cref="ConnectorHostNotAllowedException">The uri's host is not on the list.</exception>
    public void EnsureAllowed(string operation, Uri uri)
    {
        if (!IsAllowed(uri))
        {
            throw new ConnectorHostNotAllowedException(operation, uri.IsAbsoluteUri ? uri.IdnHost : uri.OriginalString);
        }
    }

    private static bool IsSameOrigin(Uri uri, Uri origin) =>
        string.Equals(uri.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(uri.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
        && uri.Port == origin.Port;
}

/// <summary>
/// The Connector client refused to call a serviceUrl whose host is not on <c>Bot:ConnectorHosts</c>; no request
/// was made and no token was sent. Retrying cannot help: the stored conversation points somewhere the bot must not send.
/// </summary>
public sealed class ConnectorHostNotAllowedException(string operation, string host)
    : Exception($"Bot Connector {operation} refused: the serviceUrl host '{host}' is not on Bot:ConnectorHosts.")
{
    public string Operation { get; } = operation;

    public string Host { get; } = host;
}
