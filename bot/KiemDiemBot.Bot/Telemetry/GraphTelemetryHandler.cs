using System.Collections.Frozen;

namespace KiemDiemBot.Bot.Telemetry;

/// <summary>
/// Measures HTTP requests to Microsoft Graph (<c>Graph:BaseUrl</c>'s host): method, the top-level resource collection
/// (<c>users</c>, <c>groups</c>, <c>drives</c>...; never the ids or addresses after it), status code and duration.
/// On the Graph client only (<see cref="TelemetryExtensions"/>); a request to any other host passes unmeasured.
/// </summary>
internal sealed class GraphTelemetryHandler(Uri graphBase) : DelegatingHandler
{
    /// <summary>Graph's top-level segments the bot may call; anything else is tagged "other".</summary>
    private static readonly FrozenSet<string> KnownResources = FrozenSet.ToFrozenSet(
        ["users", "groups", "me", "drives", "sites", "chats", "teams", "appCatalogs", "communications", "$batch", "directoryObjects", "subscriptions"],
        StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is not { } uri || !string.Equals(uri.Host, graphBase.Host, StringComparison.OrdinalIgnoreCase) || uri.Port != graphBase.Port)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        var method = request.Method.Method;
        var resource = Resource(uri);
        using var activity = KiemDiemTelemetry.StartGraphCall(method, resource);
        var started = KiemDiemTelemetry.Timestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (Failed(activity, method, resource, exception, started))
        {
            throw;
        }
        KiemDiemTelemetry.GraphCall(activity, method, resource, (int)response.StatusCode, errorType: null, KiemDiemTelemetry.Elapsed(started));
        return response;
    }

    /// <summary>The first path segment after Graph's base path (its version), if it is a known collection.</summary>
    internal string Resource(Uri uri)
    {
        var basePath = graphBase.AbsolutePath.TrimEnd('/');
        var path = uri.AbsolutePath;
        if (path.StartsWith(basePath, StringComparison.OrdinalIgnoreCase))
        {
            path = path[basePath.Length..];
        }
        var first = path.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && KnownResources.TryGetValue(first, out var known) ? known : "other";
    }

    private static bool Failed(System.Diagnostics.Activity? activity, string method, string resource, Exception exception, long started)
    {
        KiemDiemTelemetry.GraphCall(activity, method, resource, statusCode: null, exception.GetType().Name, KiemDiemTelemetry.Elapsed(started));
        return false;
    }
}
