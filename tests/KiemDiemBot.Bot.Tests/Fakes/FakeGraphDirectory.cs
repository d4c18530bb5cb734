using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// The directory area of <see cref="FakeGraph"/>: users and groups as Graph serves them.
/// <list type="bullet">
/// <item><c>GET /groups/{id}</c> and <c>GET /users/{id}</c> with <c>$select</c> (404 <c>Request_ResourceNotFound</c>).</item>
/// <item><c>GET /groups/{id}/members/microsoft.graph.user</c> (or <c>graph.user</c>, as the SDK writes it): the group's
/// users, <c>$select</c>ed, <c>$top</c> per page (default 100, at most 999), <c>@odata.nextLink</c> with an opaque
/// <c>$skiptoken</c> over a snapshot taken at the first page.</item>
/// <item><c>GET /groups/delta?$filter=id eq '{id}'&amp;$select=members</c>: membership changes in <c>members@delta</c>
/// (<c>{"@odata.type":"#microsoft.graph.user","id"}</c>, with <c>"@removed":{"reason":"deleted"}</c> for a member who
/// left), paged by <c>@odata.nextLink</c>, ending with <c>@odata.deltaLink</c>; <c>$deltatoken=latest</c> answers no
/// changes and a link from now.</item>
/// <item><c>GET /users/delta?$select=...</c>: users changed since the token, each with its id and only the changed
/// properties (Graph guarantees no more); a deleted account as <c>{"id","@removed":{"reason":"deleted"}}</c>.</item>
/// <item>A delta token older than <see cref="ExpireDeltaTokens"/> is answered 410 <c>syncStateNotFound</c>.</item>
/// </list>
/// Changes made through <see cref="AddMember"/>, <see cref="RemoveMember"/>, <see cref="UpdateUser"/> and
/// <see cref="DeleteUser"/> are journalled, so delta rounds see them in order.
/// </summary>
public sealed class FakeGraphDirectory
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 999;

    private readonly Lock gate = new();
    private readonly Dictionary<Guid, FakeDirectoryUser> users = [];
    private readonly Dictionary<string, (string DisplayName, List<Guid> Members)> groups = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JournalEntry> journal = [];
    private readonly Dictionary<string, List<JsonObject>> pendingPages = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string? DeltaLink, int Size)> pendingDeltaLinks = new(StringComparer.Ordinal);
    private long tokenEpoch;

    public FakeGraphDirectory(FakeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.Map("GET", "/groups/{groupId}/members/microsoft.graph.user", ListMembersAsync);
        graph.Map("GET", "/groups/{groupId}/members/graph.user", ListMembersAsync);
        graph.Map("GET", "/groups/delta", GroupDeltaAsync);
        graph.Map("GET", "/groups/delta()", GroupDeltaAsync);
        graph.Map("GET", "/users/delta", UserDeltaAsync);
        graph.Map("GET", "/users/delta()", UserDeltaAsync);
        graph.Map("GET", "/groups/{groupId}", GetGroupAsync);
        graph.Map("GET", "/users/{userId}", GetUserAsync);
    }

    /// <summary>Delta rounds per page, members@delta entries or users (Graph picks its own; small keeps paging tested).</summary>
    public int DeltaPageSize { get; set; } = 100;

    public void AddGroup(string groupId, string displayName)
    {
        lock (gate)
        {
            groups[groupId] = (displayName, []);
        }
    }

    /// <summary>A user in the tenant (no journal entry: the user existed before any token).</summary>
    public void AddUser(FakeDirectoryUser user)
    {
        lock (gate)
        {
            users[user.Id] = user;
        }
    }

    public void AddMember(string groupId, Guid userId)
    {
        lock (gate)
        {
            if (!groups[groupId].Members.Contains(userId))
            {
                groups[groupId].Members.Add(userId);
                Journal(new JournalEntry(0, groupId, userId, JournalKind.MemberAdded, null));
            }
        }
    }

    public void RemoveMember(string groupId, Guid userId)
    {
        lock (gate)
        {
            if (groups[groupId].Members.Remove(userId))
            {
                Journal(new JournalEntry(0, groupId, userId, JournalKind.MemberRemoved, null));
            }
        }
    }

    /// <summary>Changes a user's properties; the users delta reports only the changed ones.</summary>
    public void UpdateUser(FakeDirectoryUser updated)
    {
        lock (gate)
        {
            var before = users[updated.Id];
            users[updated.Id] = updated;
            var changed = new JsonObject();
            foreach (var (name, value) in updated.ToJson())
            {
                if (!JsonNode.DeepEquals(value, before.ToJson()[name]))
                {
                    changed[name] = value?.DeepClone();
                }
            }
            Journal(new JournalEntry(0, null, updated.Id, JournalKind.UserChanged, changed));
        }
    }

    /// <summary>The account is deleted: gone from every group and reported removed by the users delta.</summary>
    public void DeleteUser(Guid userId)
    {
        lock (gate)
        {
            foreach (var (groupId, group) in groups)
            {
                if (group.Members.Remove(userId))
                {
                    Journal(new JournalEntry(0, groupId, userId, JournalKind.MemberRemoved, null));
                }
            }
            users.Remove(userId);
            Journal(new JournalEntry(0, null, userId, JournalKind.UserDeleted, null));
        }
    }

    /// <summary>Every delta token issued so far is refused from now on (410 syncStateNotFound), as after a long pause.</summary>
    public void ExpireDeltaTokens()
    {
        lock (gate)
        {
            tokenEpoch++;
        }
    }

    private void Journal(JournalEntry entry) => journal.Add(entry with { Sequence = journal.Count + 1 });

    private Task GetUserAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["userId"]!;
        FakeDirectoryUser? user;
        lock (gate)
        {
            user = Guid.TryParse(id, out var objectId) ? users.GetValueOrDefault(objectId) : users.Values.FirstOrDefault(u => string.Equals(u.UserPrincipalName, id, StringComparison.OrdinalIgnoreCase));
        }
        return user is null
            ? NotFound(context, id)
            : FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, Select(user.ToJson(), context.Request.Query["$select"]));
    }

    private Task GetGroupAsync(HttpContext context)
    {
        var id = (string)context.Request.RouteValues["groupId"]!;
        lock (gate)
        {
            if (!groups.TryGetValue(id, out var group))
            {
                return NotFound(context, id);
            }
            return FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, new JsonObject { ["id"] = id, ["displayName"] = group.DisplayName });
        }
    }

    private Task ListMembersAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var groupId = (string)context.Request.RouteValues["groupId"]!;
        List<JsonObject> remaining;
        lock (gate)
        {
            if (query["$skiptoken"].ToString() is { Length: > 0 } skip)
            {
                if (!pendingPages.Remove(skip, out remaining!))
                {
                    return FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
                }
            }
            else
            {
                if (!groups.TryGetValue(groupId, out var group))
                {
                    return NotFound(context, groupId);
                }
                remaining = [.. group.Members.Select(id => Select(users[id].ToJson(), query["$select"]))];
            }
            var top = int.TryParse(query["$top"], NumberStyles.None, CultureInfo.InvariantCulture, out var t) ? Math.Clamp(t, 1, MaxPageSize) : DefaultPageSize;
            return WritePageAsync(context, remaining, top, $"/groups/{groupId}/members/microsoft.graph.user?$select={query["$select"]}&$top={top}", deltaLink: null);
        }
    }

    private Task GroupDeltaAsync(HttpContext context)
    {
        var query = context.Request.Query;
        lock (gate)
        {
            if (query["$skiptoken"].ToString() is { Length: > 0 } skip)
            {
                return ContinueAsync(context, skip, "/groups/delta");
            }
            var filter = query["$filter"].ToString();
            const string Prefix = "id eq '";
            if (!filter.StartsWith(Prefix, StringComparison.Ordinal) || !filter.EndsWith('\''))
            {
                return FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "Request_UnsupportedQuery", "The fake serves group delta filtered to one group: $filter=id eq '{id}'.");
            }
            var groupId = filter[Prefix.Length..^1];
            if (!groups.ContainsKey(groupId))
            {
                return NotFound(context, groupId);
            }
            if (ReadToken(context, query["$deltatoken"].ToString(), out var since) is { } refused)
            {
                return refused;
            }
            // The latest state of each member whose membership changed since the token (all members for a first round).
            var changes = since is null
                ? groups[groupId].Members.Select(id => (id, Removed: false)).ToList()
                : journal.Where(e => e.Sequence > since && e.GroupId == groupId && e.Kind is JournalKind.MemberAdded or JournalKind.MemberRemoved)
                    .GroupBy(e => e.UserId).Select(g => (id: g.Key, Removed: g.Last().Kind == JournalKind.MemberRemoved)).ToList();
            var entries = changes.Select(c =>
            {
                var entry = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = c.id.ToString() };
                if (c.Removed)
                {
                    entry["@removed"] = new JsonObject { ["reason"] = "deleted" };
                }
                return entry;
            }).ToList();
            // One group object per page, carrying that page's share of members@delta.
            var pages = entries.Chunk(DeltaPageSize).Select(chunk => new JsonObject { ["id"] = groupId, ["members@delta"] = new JsonArray([.. chunk]) }).ToList();
            if (pages.Count == 0 && since is null)
            {
                pages.Add(new JsonObject { ["id"] = groupId, ["members@delta"] = new JsonArray() });
            }
            return WritePageAsync(context, pages, 1, "/groups/delta?", deltaLink: $"/groups/delta?$deltatoken={Token()}");
        }
    }

    private Task UserDeltaAsync(HttpContext context)
    {
        var query = context.Request.Query;
        lock (gate)
        {
            if (query["$skiptoken"].ToString() is { Length: > 0 } skip)
            {
                return ContinueAsync(context, skip, "/users/delta");
            }
            if (ReadToken(context, query["$deltatoken"].ToString(), out var since) is { } refused)
            {
                return refused;
            }
            var select = query["$select"];
            List<JsonObject> changed;
            if (since is null)
            {
                changed = [.. users.Values.Select(u => Select(u.ToJson(), select))];
            }
            else
            {
                changed = [];
                foreach (var byUser in journal.Where(e => e.Sequence > since && e.Kind is JournalKind.UserChanged or JournalKind.UserDeleted).GroupBy(e => e.UserId))
                {
                    if (byUser.Last().Kind == JournalKind.UserDeleted)
                    {
                        changed.Add(new JsonObject { ["id"] = byUser.Key.ToString(), ["@removed"] = new JsonObject { ["reason"] = "deleted" } });
                        continue;
                    }
                    var entry = new JsonObject { ["id"] = byUser.Key.ToString() };
                    foreach (var change in byUser.Where(e => e.Kind == JournalKind.UserChanged))
                    {
                        foreach (var (name, value) in change.Changed!)
                        {
                            entry[name] = value?.DeepClone();
                        }
                    }
                    changed.Add(Select(entry, select, onlyPresent: true));
                }
            }
            return WritePageAsync(context, changed, DeltaPageSize, "/users/delta?", deltaLink: $"/users/delta?$deltatoken={Token()}");
        }
    }

    // The caller holds the lock.
    private Task? ReadToken(HttpContext context, string token, out long? since)
    {
        since = null;
        if (token.Length == 0)
        {
            return null;
        }
        if (token == "latest")
        {
            since = journal.Count;
            return null;
        }
        var parts = token.Split('.');
        if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && epoch == tokenEpoch)
        {
            since = sequence;
            return null;
        }
        return FakeGraph.WriteErrorAsync(context, HttpStatusCode.Gone, "syncStateNotFound", "The sync state generation is not found. Restart the sync from the beginning.");
    }

    // The caller holds the lock: a token for "everything journalled so far".
    private string Token() => string.Create(CultureInfo.InvariantCulture, $"{tokenEpoch}.{journal.Count}");

    private Task ContinueAsync(HttpContext context, string skip, string path)
    {
        if (!pendingPages.Remove(skip, out var remaining))
        {
            return FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "Directory_ExpiredPageToken", "The specified page token value has expired and can no longer be included in your request.");
        }
        var (deltaLink, size) = pendingDeltaLinks[skip];
        pendingDeltaLinks.Remove(skip);
        return WritePageAsync(context, remaining, size, path + "?", deltaLink);
    }

    // The caller holds the lock: one page of `items`, the rest kept behind a new skiptoken.
    private Task WritePageAsync(HttpContext context, List<JsonObject> items, int size, string pathAndQuery, string? deltaLink)
    {
        var page = items.Take(size).ToList();
        var body = new JsonObject { ["@odata.context"] = FakeGraph.LinkTo(context, "/$metadata#directoryObjects") };
        if (items.Count > size)
        {
            var skip = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            pendingPages[skip] = items.Skip(size).ToList();
            pendingDeltaLinks[skip] = (deltaLink, size);
            var separator = pathAndQuery.EndsWith('?') ? "" : "&";
            body["@odata.nextLink"] = FakeGraph.LinkTo(context, $"{pathAndQuery}{separator}$skiptoken={skip}");
        }
        else if (deltaLink is not null)
        {
            body["@odata.deltaLink"] = FakeGraph.LinkTo(context, deltaLink);
        }
        body["value"] = new JsonArray([.. page]);
        return FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, body);
    }

    private static Task NotFound(HttpContext context, string id) =>
        FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");

    private static JsonObject Select(JsonObject full, Microsoft.Extensions.Primitives.StringValues select, bool onlyPresent = false)
    {
        var names = select.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0)
        {
            return full;
        }
        var picked = new JsonObject { ["id"] = full["id"]?.DeepClone() };
        if (full["@odata.type"] is { } type)
        {
            picked["@odata.type"] = type.DeepClone();
        }
        foreach (var name in names.Where(n => n != "id"))
        {
            if (!onlyPresent || full.ContainsKey(name))
            {
                picked[name] = full[name]?.DeepClone();
            }
        }
        return picked;
    }

    private enum JournalKind
    {
        MemberAdded,
        MemberRemoved,
        UserChanged,
        UserDeleted,
    }

    private sealed record JournalEntry(long Sequence, string? GroupId, Guid UserId, JournalKind Kind, JsonObject? Changed);
}

/// <summary>A user of the fake tenant, with the properties the directory area serves.</summary>
public sealed record FakeDirectoryUser(Guid Id, string DisplayName, string? Mail, string UserPrincipalName, string? JobTitle)
{
    public JsonObject ToJson() => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = Id.ToString(),
        ["displayName"] = DisplayName,
        ["mail"] = Mail,
        ["userPrincipalName"] = UserPrincipalName,
        ["jobTitle"] = JobTitle,
    };
}
