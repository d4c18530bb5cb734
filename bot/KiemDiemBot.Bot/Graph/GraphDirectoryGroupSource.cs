using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using KiemDiemBot.Core.DirectorySync;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// A group's members from Microsoft Graph (application permissions GroupMember.Read.All and User.Read.All).
/// <list type="bullet">
/// <item>Full read: <c>GET /groups/{id}/members/microsoft.graph.user?$select=id,mail,userPrincipalName,displayName,jobTitle&amp;$top=999</c>,
/// following <c>@odata.nextLink</c>.</item>
/// <item>Changes: two delta queries (learn.microsoft.com/graph/delta-query-overview), stored together as the link's
/// JSON: <c>GET /groups/delta?$filter=id eq '{id}'&amp;$select=members</c> gives membership changes in
/// <c>members@delta</c> (ids only; <c>@removed</c> for who left), and <c>GET /users/delta?$select=...</c> gives
/// changes to users' details (tenant-wide; only changed properties guaranteed). Who joined is read by
/// <c>GET /users/{id}</c>. A full read starts both from <c>$deltatoken=latest</c>, taken before the members are read so
/// no change falls between.</item>
/// <item>A refused delta link (410 Gone, <c>syncStateNotFound</c>, <c>resyncRequired</c>) is
/// <see cref="DirectoryDeltaExpiredException"/>: the caller reads everything again.</item>
/// </list>
/// </summary>
internal sealed class GraphDirectoryGroupSource(GraphServiceClient graph) : IDirectoryGroupSource
{
    public const int PageSize = 999;

    private static readonly string[] UserFields = ["id", "mail", "userPrincipalName", "displayName", "jobTitle"];
    private static readonly string UserSelect = string.Join(',', UserFields);
    private static readonly HashSet<string> RefusedDeltaCodes = new(StringComparer.OrdinalIgnoreCase) { "syncStateNotFound", "resyncRequired", "syncStateInvalid" };

    public async Task<string?> FindGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        try
        {
            var group = await graph.Groups[groupId].GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], cancellationToken).ConfigureAwait(false);
            return group?.DisplayName ?? group?.Id;
        }
        catch (ODataError error) when (error.ResponseStatusCode is (int)HttpStatusCode.NotFound or (int)HttpStatusCode.BadRequest)
        {
            return null;
        }
    }

    public async Task<DirectoryFullRead> ReadMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        // The tokens first: changes made while the members are read are then seen (again, harmlessly) next round.
        var groupLink = await FollowToDeltaLinkAsync(GroupDeltaStart(groupId) + "&$deltatoken=latest", _ => { }, cancellationToken).ConfigureAwait(false);
        var usersLink = await FollowToDeltaLinkAsync(UsersDeltaStart() + "&$deltatoken=latest", _ => { }, cancellationToken).ConfigureAwait(false);
        var members = new List<DirectoryUser>();
        var pages = GraphPages.ReadAllAsync(
            ct => graph.Groups[groupId].Members.GraphUser.GetAsync(r =>
            {
                r.QueryParameters.Select = UserFields;
                r.QueryParameters.Top = PageSize;
            }, ct),
            (link, ct) => graph.Groups[groupId].Members.GraphUser.WithUrl(link).GetAsync(cancellationToken: ct),
            page => page.Value,
            page => page.OdataNextLink,
            cancellationToken);
        await foreach (var user in pages.ConfigureAwait(false))
        {
            if (Guid.TryParse(user.Id, out var objectId))
            {
                members.Add(new DirectoryUser(objectId, user.DisplayName ?? user.UserPrincipalName ?? user.Id!, user.Mail, user.UserPrincipalName, user.JobTitle));
            }
        }
        return new DirectoryFullRead(members, new DeltaLinks(groupLink, usersLink).ToJson());
    }

    public async Task<DirectoryDeltaRead> ReadChangesAsync(string groupId, string deltaLink, CancellationToken cancellationToken)
    {
        var links = DeltaLinks.FromJson(deltaLink)
            ?? throw new DirectoryDeltaExpiredException("The stored delta link is not this adapter's.");
        // Membership: the last word on each user wins (a user may join and leave within one round).
        var membership = new Dictionary<Guid, bool>();
        var nextGroupLink = await FollowToDeltaLinkAsync(links.Group, page =>
        {
            foreach (var group in page["value"]?.AsArray() ?? [])
            {
                foreach (var entry in group?["members@delta"]?.AsArray() ?? [])
                {
                    if (Guid.TryParse(entry?["id"]?.GetValue<string>(), out var id))
                    {
                        membership[id] = entry!.AsObject().ContainsKey("@removed");
                    }
                }
            }
        }, cancellationToken).ConfigureAwait(false);
        var changed = new Dictionary<Guid, DirectoryUserChange>();
        var deleted = new HashSet<Guid>();
        var nextUsersLink = await FollowToDeltaLinkAsync(links.Users, page =>
        {
            foreach (var node in page["value"]?.AsArray() ?? [])
            {
                if (node is not JsonObject user || !Guid.TryParse(user["id"]?.GetValue<string>(), out var id))
                {
                    continue;
                }
                if (user.ContainsKey("@removed"))
                {
                    deleted.Add(id);
                    continue;
                }
                var before = changed.GetValueOrDefault(id) ?? new DirectoryUserChange(id, null, null, null, null);
                changed[id] = new DirectoryUserChange(
                    id,
                    Read(user, "displayName") ?? before.DisplayName,
                    Read(user, "mail") ?? before.Mail,
                    Read(user, "userPrincipalName") ?? before.UserPrincipalName,
                    Read(user, "jobTitle") ?? before.JobTitle);
            }
        }, cancellationToken).ConfigureAwait(false);

        var joined = new List<DirectoryUser>();
        foreach (var id in membership.Where(m => !m.Value && !deleted.Contains(m.Key)).Select(m => m.Key))
        {
            if (await ReadUserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                joined.Add(user);
            }
        }
        var left = membership.Where(m => m.Value).Select(m => m.Key).Union(deleted).ToList();
        var joinedIds = joined.Select(u => u.ObjectId).ToHashSet();
        return new DirectoryDeltaRead(joined, left, [.. changed.Values.Where(c => !joinedIds.Contains(c.ObjectId) && !deleted.Contains(c.ObjectId))],
            new DeltaLinks(nextGroupLink, nextUsersLink).ToJson());
    }

    private async Task<DirectoryUser?> ReadUserAsync(Guid id, CancellationToken cancellationToken)
    {
        try
        {
            var user = await graph.Users[id.ToString()].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            return user is null ? null : new DirectoryUser(id, user.DisplayName ?? user.UserPrincipalName ?? id.ToString(), user.Mail, user.UserPrincipalName, user.JobTitle);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Deleted since it joined: the users delta says so next round.
            return null;
        }
    }

    private string GroupDeltaStart(string groupId) =>
        $"{graph.RequestAdapter.BaseUrl}/groups/delta?$filter={Uri.EscapeDataString($"id eq '{groupId}'")}&$select=members";

    private string UsersDeltaStart() => $"{graph.RequestAdapter.BaseUrl}/users/delta?$select={UserSelect}";

    // Reads a delta query's pages as raw JSON (the SDK's models cannot tell an absent property from a null one, and keep
    // members@delta untyped), handing each page over, until the @odata.deltaLink.
    private async Task<string> FollowToDeltaLinkAsync(string link, Action<JsonObject> onPage, CancellationToken cancellationToken)
    {
        while (true)
        {
            var page = await GetJsonAsync(link, cancellationToken).ConfigureAwait(false);
            onPage(page);
            if (page["@odata.nextLink"]?.GetValue<string>() is { Length: > 0 } next)
            {
                link = next;
                continue;
            }
            return page["@odata.deltaLink"]?.GetValue<string>()
                ?? throw new InvalidOperationException("Graph ended a delta round without @odata.deltaLink.");
        }
    }

    private async Task<JsonObject> GetJsonAsync(string url, CancellationToken cancellationToken)
    {
        var request = new RequestInformation { HttpMethod = Method.GET, URI = new Uri(url) };
        request.Headers.Add("Accept", "application/json");
        var errors = new Dictionary<string, ParsableFactory<IParsable>> { ["XXX"] = ODataError.CreateFromDiscriminatorValue };
        try
        {
            var stream = await graph.RequestAdapter.SendPrimitiveAsync<Stream>(request, errors, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("Graph answered a delta page without a body.");
            await using (stream.ConfigureAwait(false))
            {
                return (await JsonNode.ParseAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false))?.AsObject()
                    ?? throw new InvalidOperationException("Graph answered a delta page that is not a JSON object.");
            }
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Gone || RefusedDeltaCodes.Contains(error.Error?.Code ?? ""))
        {
            throw new DirectoryDeltaExpiredException($"Graph refused the delta link ({error.ResponseStatusCode} {error.Error?.Code}).", error);
        }
    }

    private static DirectoryValue? Read(JsonObject user, string name) =>
        user.TryGetPropertyValue(name, out var value) ? new DirectoryValue(value?.GetValue<string>()) : null;

    private sealed record DeltaLinks(string Group, string Users)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

        public string ToJson() => JsonSerializer.Serialize(this, Json);

        public static DeltaLinks? FromJson(string stored)
        {
            try
            {
                return JsonSerializer.Deserialize<DeltaLinks>(stored, Json) is { Group.Length: > 0, Users.Length: > 0 } links ? links : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
