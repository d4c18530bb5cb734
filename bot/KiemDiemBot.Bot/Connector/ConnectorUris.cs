using System.Globalization;

namespace KiemDiemBot.Bot.Connector;

/// <summary>The Connector's REST paths (PROTOCOL.md 3.2) under a conversation's serviceUrl.</summary>
internal static class ConnectorUris
{
    public static Uri Conversations(string serviceUrl) => Combine(serviceUrl, "v3/conversations");

    public static Uri Activities(string serviceUrl, string conversationId) =>
        Combine(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");

    public static Uri Activity(string serviceUrl, string conversationId, string activityId) =>
        Combine(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");

    public static Uri Member(string serviceUrl, string conversationId, string userId) =>
        Combine(serviceUrl, $"v3/conversations/{Escape(conversationId)}/members/{Escape(userId)}");

    public static Uri PagedMembers(string serviceUrl, string conversationId, int? pageSize, string? continuationToken)
    {
        var query = new List<string>(2);
        if (pageSize is { } size)
        {
            query.Add("pageSize=" + size.ToString(CultureInfo.InvariantCulture));
        }
        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add("continuationToken=" + Uri.EscapeDataString(continuationToken));
        }
        var path = $"v3/conversations/{Escape(conversationId)}/pagedmembers";
        return Combine(serviceUrl, query.Count == 0 ? path : path + "?" + string.Join('&', query));
    }

    /// <summary>The serviceUrl with a trailing '/', so that its own path (e.g. <c>/teams/</c>) is kept.</summary>
    private static Uri Combine(string serviceUrl, string relative)
    {
        if (string.IsNullOrWhiteSpace(serviceUrl))
        {
            throw new ArgumentException("The conversation has no serviceUrl.", nameof(serviceUrl));
        }
        var baseUri = new Uri(serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/", UriKind.Absolute);
        return new Uri(baseUri, relative);
    }

    private static string Escape(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        return Uri.EscapeDataString(id);
    }
}
