using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>One file in a drive of the fake, with who it is shared with (object ids or e-mails, as invited).</summary>
public sealed record FakeDriveItem(string DriveId, string Id, string Path, string WebUrl, byte[] Content, IReadOnlySet<string> Readers)
{
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Content));
}

/// <summary>One slice PUT to an upload session's address.</summary>
public sealed record FakeUploadSlice(string SessionId, string? ContentRange, bool HadAuthorization, int Length, int Status);

/// <summary>
/// Microsoft Graph's files, mapped onto a <see cref="FakeGraph"/> (construct before the server starts): drives with
/// items addressed by path (<c>/drives/{drive}/root:/{path}:/content</c>, simple upload up to 4 MB, else 413) or by id
/// (<c>/drives/{drive}/items/{id}/content</c> replaces in place: same id, same webUrl; an unknown id 404
/// <c>itemNotFound</c>); upload sessions (<c>.../createUploadSession</c> answers an <c>uploadUrl</c> on a SharePoint
/// host of its own, served by <see cref="UploadHandler"/>: slices with Content-Range in order, 202 with
/// <c>nextExpectedRanges</c> until the last, then the driveItem; a slice out of order 416; a slice carrying a bearer
/// token is recorded); <c>POST /drives/{drive}/items/{id}/invite</c> (requireSignIn, sendInvitation, roles; answers the
/// permissions in <c>value</c>); and each user's OneDrive (<c>GET /users/{id}/drive</c>).
/// </summary>
public sealed class FakeGraphFiles
{
    public const string LibraryDriveId = "b!fake-party-library-0123456789";
    public const string UploadHost = "fake-tenant.sharepoint.com";
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    private readonly Lock gate = new();
    private readonly Dictionary<string, Item> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> userDrives = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Session> sessions = new(StringComparer.Ordinal);
    private readonly List<FakeUploadSlice> slices = [];
    private readonly List<JsonObject> invitations = [];
    private int counter;

    public FakeGraphFiles(FakeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.Map("GET", "/users/{userId}/drive", UserDriveAsync);
        graph.Map("PUT", "/drives/{driveId}/{**rest}", PutAsync);
        graph.Map("POST", "/drives/{driveId}/{**rest}", PostAsync);
        UploadHandler = new SessionHandler(this);
    }

    /// <summary>The handler of the upload sessions' host, for the bot's upload-session client.</summary>
    public HttpMessageHandler UploadHandler { get; }

    public IReadOnlyList<FakeDriveItem> Items
    {
        get { lock (gate) { return [.. items.Values.Select(i => i.Snapshot())]; } }
    }

    public IReadOnlyList<FakeUploadSlice> Slices
    {
        get { lock (gate) { return [.. slices]; } }
    }

    /// <summary>The invite request bodies received, in order.</summary>
    public IReadOnlyList<JsonObject> Invitations
    {
        get { lock (gate) { return [.. invitations.Select(i => i.DeepClone().AsObject())]; } }
    }

    public int SessionsCreated
    {
        get { lock (gate) { return sessions.Count; } }
    }

    /// <summary>The OneDrive's id of the user (object id), as <c>GET /users/{id}/drive</c> answers it.</summary>
    public string DriveOf(string userId)
    {
        lock (gate)
        {
            if (!userDrives.TryGetValue(userId, out var drive))
            {
                drive = "b!fake-onedrive-" + userId.ToLowerInvariant();
                userDrives[userId] = drive;
            }
            return drive;
        }
    }

    /// <summary>Deletes an item, as someone in SharePoint would.</summary>
    public void Delete(string itemId)
    {
        lock (gate)
        {
            items.Remove(itemId);
        }
    }

    private async Task UserDriveAsync(HttpContext context)
    {
        var userId = (string)context.Request.RouteValues["userId"]!;
        var drive = DriveOf(userId);
        await FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, new JsonObject
        {
            ["id"] = drive,
            ["driveType"] = "business",
            ["webUrl"] = $"https://fake-tenant-my.sharepoint.com/personal/{userId}/Documents",
        });
    }

    private async Task PutAsync(HttpContext context)
    {
        var driveId = (string)context.Request.RouteValues["driveId"]!;
        var rest = (string)context.Request.RouteValues["rest"]!;
        var body = await ReadBodyAsync(context);
        if (body.Length > SimpleUploadLimit)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.RequestEntityTooLarge, "requestEntityTooLarge", "The request is larger than a simple upload allows; use an upload session.");
            return;
        }
        if (PathOf(rest, "/content") is { } path)
        {
            var (item, created) = Write(driveId, path, body);
            await FakeGraph.WriteJsonAsync(context, created ? HttpStatusCode.Created : HttpStatusCode.OK, item);
            return;
        }
        if (ItemIdOf(rest, "/content") is { } itemId)
        {
            var item = Replace(driveId, itemId, body);
            await (item is null
                ? FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound", "The resource could not be found.")
                : FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, item));
            return;
        }
        await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "invalidRequest", "Invalid request.");
    }

    private async Task PostAsync(HttpContext context)
    {
        var driveId = (string)context.Request.RouteValues["driveId"]!;
        var rest = (string)context.Request.RouteValues["rest"]!;
        var body = JsonNode.Parse(await ReadBodyAsync(context) is { Length: > 0 } bytes ? Encoding.UTF8.GetString(bytes) : "{}") as JsonObject ?? [];
        if (PathOf(rest, "/createUploadSession") is { } path)
        {
            await FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, NewSession(driveId, path, null));
            return;
        }
        if (ItemIdOf(rest, "/createUploadSession") is { } itemId)
        {
            bool known;
            lock (gate)
            {
                known = items.TryGetValue(itemId, out var item) && item.DriveId == driveId;
            }
            await (known
                ? FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, NewSession(driveId, null, itemId))
                : FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound", "The resource could not be found."));
            return;
        }
        if (ItemIdOf(rest, "/invite") is { } invited)
        {
            await InviteAsync(context, driveId, invited, body);
            return;
        }
        await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "invalidRequest", "Invalid request.");
    }

    private async Task InviteAsync(HttpContext context, string driveId, string itemId, JsonObject body)
    {
        lock (gate)
        {
            invitations.Add(body.DeepClone().AsObject());
        }
        if (body["recipients"] is not JsonArray { Count: > 0 } recipients || body["roles"] is not JsonArray { Count: > 0 } roles)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "invalidRequest", "recipients and roles are required.");
            return;
        }
        var permissions = new JsonArray();
        lock (gate)
        {
            if (!items.TryGetValue(itemId, out var item) || item.DriveId != driveId)
            {
                permissions = null;
            }
            else
            {
                foreach (var recipient in recipients.OfType<JsonObject>())
                {
                    var objectId = (string?)recipient["objectId"];
                    var email = (string?)recipient["email"];
                    var reader = objectId ?? email ?? "";
                    item.Readers.Add(reader.ToLowerInvariant());
                    permissions.Add(new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.permission",
                        ["id"] = "aTowIy5mfG1lbWJlcnNoaXB8" + (++counter).ToString(CultureInfo.InvariantCulture),
                        ["roles"] = roles.DeepClone(),
                        ["grantedToV2"] = new JsonObject { ["user"] = new JsonObject { ["id"] = objectId, ["email"] = email } },
                        ["grantedTo"] = new JsonObject { ["user"] = new JsonObject { ["id"] = objectId, ["email"] = email } },
                    });
                }
            }
        }
        await (permissions is null
            ? FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "itemNotFound", "The resource could not be found.")
            : FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, new JsonObject { ["value"] = permissions }));
    }

    private JsonObject NewSession(string driveId, string? path, string? itemId)
    {
        var id = Guid.NewGuid().ToString("N");
        lock (gate)
        {
            sessions[id] = new Session(driveId, path, itemId);
        }
        return new JsonObject
        {
            ["uploadUrl"] = $"https://{UploadHost}/_api/v2.0/drives/{driveId}/uploadSession?guid={id}",
            ["expirationDateTime"] = "2030-01-01T00:00:00Z",
            ["nextExpectedRanges"] = new JsonArray("0-"),
        };
    }

    /// <summary>"root:/a/b.docx:/content" -> "a/b.docx".</summary>
    private static string? PathOf(string rest, string suffix) =>
        rest.StartsWith("root:/", StringComparison.Ordinal) && rest.EndsWith(":" + suffix, StringComparison.Ordinal)
            ? Uri.UnescapeDataString(rest["root:/".Length..^(suffix.Length + 1)])
            : null;

    /// <summary>"items/{id}/content" -> id.</summary>
    private static string? ItemIdOf(string rest, string suffix) =>
        rest.StartsWith("items/", StringComparison.Ordinal) && rest.EndsWith(suffix, StringComparison.Ordinal) && rest.Count(c => c == '/') == 2
            ? rest["items/".Length..^suffix.Length]
            : null;

    private (JsonObject Item, bool Created) Write(string driveId, string path, byte[] content)
    {
        lock (gate)
        {
            var existing = items.Values.FirstOrDefault(i => i.DriveId == driveId && string.Equals(i.Path, path, StringComparison.OrdinalIgnoreCase));
            if (existing is not null)
            {
                existing.Content = content;
                return (existing.Json(), false);
            }
            var id = "01FAKE" + (++counter).ToString("D6", CultureInfo.InvariantCulture) + "ABCDEFGHIJKLMNOP";
            var host = driveId == LibraryDriveId ? "https://fake-tenant.sharepoint.com/sites/dangbo/Shared%20Documents/" : "https://fake-tenant-my.sharepoint.com/personal/Documents/";
            var item = new Item(driveId, id, path, host + Uri.EscapeDataString(path).Replace("%2F", "/", StringComparison.Ordinal)) { Content = content };
            items[id] = item;
            return (item.Json(), true);
        }
    }

    private JsonObject? Replace(string driveId, string itemId, byte[] content)
    {
        lock (gate)
        {
            if (!items.TryGetValue(itemId, out var item) || item.DriveId != driveId)
            {
                return null;
            }
            item.Content = content;
            return item.Json();
        }
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        return buffer.ToArray();
    }

    private async Task<HttpResponseMessage> SliceAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var range = request.Content?.Headers.ContentRange;
        var sessionId = request.RequestUri?.Query.Split("guid=").LastOrDefault() ?? "";
        HttpStatusCode status;
        JsonObject? answer = null;
        lock (gate)
        {
            if (request.RequestUri?.Host != UploadHost || request.Method != HttpMethod.Put || !sessions.TryGetValue(sessionId, out var session))
            {
                status = HttpStatusCode.NotFound;
            }
            else if (range is not { From: { } from, To: { } to, Length: { } total } || from != session.Received.Length || to - from + 1 != body.Length)
            {
                status = HttpStatusCode.RequestedRangeNotSatisfiable;
            }
            else
            {
                session.Received = [.. session.Received, .. body];
                if (session.Received.Length < total)
                {
                    status = HttpStatusCode.Accepted;
                    answer = new JsonObject
                    {
                        ["expirationDateTime"] = "2030-01-01T00:00:00Z",
                        ["nextExpectedRanges"] = new JsonArray(session.Received.Length.ToString(CultureInfo.InvariantCulture) + "-"),
                    };
                }
                else if (session.ItemId is { } itemId)
                {
                    answer = Replace(session.DriveId, itemId, session.Received);
                    status = answer is null ? HttpStatusCode.NotFound : HttpStatusCode.OK;
                }
                else
                {
                    (answer, var created) = Write(session.DriveId, session.Path!, session.Received);
                    status = created ? HttpStatusCode.Created : HttpStatusCode.OK;
                }
            }
            slices.Add(new FakeUploadSlice(sessionId, range?.ToString(), request.Headers.Authorization is not null, body.Length, (int)status));
        }
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (answer is not null)
        {
            response.Content = new StringContent(answer.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        }
        return response;
    }

    private sealed class Item(string driveId, string id, string path, string webUrl)
    {
        public string DriveId { get; } = driveId;

        public string Id { get; } = id;

        public string Path { get; } = path;

        public string WebUrl { get; } = webUrl;

        public byte[] Content { get; set; } = [];

        public HashSet<string> Readers { get; } = new(StringComparer.Ordinal);

        public FakeDriveItem Snapshot() => new(DriveId, Id, Path, WebUrl, Content, Readers.ToHashSet(StringComparer.Ordinal));

        public JsonObject Json() => new()
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#drives('" + DriveId + "')/items/$entity",
            ["id"] = Id,
            ["name"] = Path.Split('/')[^1],
            ["webUrl"] = WebUrl,
            ["size"] = Content.Length,
            ["file"] = new JsonObject { ["mimeType"] = "application/octet-stream" },
            ["parentReference"] = new JsonObject { ["driveId"] = DriveId, ["driveType"] = "documentLibrary" },
        };
    }

    private sealed class Session(string driveId, string? path, string? itemId)
    {
        public string DriveId { get; } = driveId;

        public string? Path { get; } = path;

        public string? ItemId { get; } = itemId;

        public byte[] Received { get; set; } = [];
    }

    private sealed class SessionHandler(FakeGraphFiles files) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            files.SliceAsync(request, cancellationToken);
    }
}
