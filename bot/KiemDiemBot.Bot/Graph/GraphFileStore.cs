using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Exports;
using Microsoft.Graph;
using Microsoft.Graph.Drives.Item.Items.Item.Invite;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// The organisation's files in Microsoft Graph: the document library <c>Graph:Files:DriveId</c>, under
/// <c>Graph:Files:Folder</c>/{organisation code}/, and members' OneDrives (<c>/users/{objectId}/drive</c>, under the
/// same folder name). Up to 4 MB a simple upload (<c>PUT .../root:/{path}:/content</c>, or <c>.../items/{id}/content</c>
/// to replace in place); above, an upload session whose slices go to its <c>uploadUrl</c> without the Graph token, as
/// Graph requires. Shared by <c>POST .../items/{id}/invite</c>: read only, sign-in required, no e-mail.
/// </summary>
internal sealed partial class GraphFileStore(
    GraphServiceClient graph,
    IHttpClientFactory clients,
    GraphOptions options,
    ILogger<GraphFileStore> logger) : IFileStore
{
    /// <summary>Graph's limit for a simple upload.</summary>
    public const int SimpleUploadLimit = 4 * 1024 * 1024;

    /// <summary>Slices of an upload session: a multiple of 320 KiB, as Graph asks.</summary>
    public const int SliceSize = 10 * 320 * 1024;

    public bool PersonalExportsToOneDrive => options.Files.PersonalExportsToOneDrive;

    public async Task<StoredFileItem> UploadAsync(FileLocation location, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(content);
        var folder = options.Files.Folder.Trim('/');
        string driveId, path;
        if (location.OneDriveOwner is { } owner)
        {
            var drive = await graph.Users[owner.ToString("D")].Drive.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            driveId = drive?.Id ?? throw new InvalidOperationException("Graph answered a user's drive without an id.");
            path = $"{folder}/{fileName}";
        }
        else
        {
            driveId = options.Files.DriveId!;
            path = $"{folder}/{location.OrganisationCode}/{fileName}";
        }
        var target = graph.Drives[driveId].Root.ItemWithPath(path);
        var item = content.Length <= SimpleUploadLimit
            ? await target.Content.PutAsync(new MemoryStream(content), cancellationToken: cancellationToken).ConfigureAwait(false)
            : await UploadInSlicesAsync(
                await target.CreateUploadSession.PostAsync(new() { Item = Replace() }, cancellationToken: cancellationToken).ConfigureAwait(false),
                content,
                cancellationToken).ConfigureAwait(false);
        var stored = Stored(driveId, item);
        Uploaded(logger, content.Length, stored.ItemId);
        return stored;
    }

    public async Task<StoredFileItem?> ReplaceAsync(string driveId, string itemId, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var target = graph.Drives[driveId].Items[itemId];
        try
        {
            var item = content.Length <= SimpleUploadLimit
                ? await target.Content.PutAsync(new MemoryStream(content), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await UploadInSlicesAsync(
                    await target.CreateUploadSession.PostAsync(new() { Item = Replace() }, cancellationToken: cancellationToken).ConfigureAwait(false),
                    content,
                    cancellationToken).ConfigureAwait(false);
            Replaced(logger, content.Length, itemId);
            return Stored(driveId, item);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            ItemGone(logger, itemId);
            return null;
        }
    }

    public async Task<int> ShareAsync(string driveId, string itemId, IReadOnlyCollection<FileRecipient> recipients, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipients);
        var body = new InvitePostRequestBody
        {
            Recipients = [.. recipients.Select(r => r.ObjectId is { } id ? new DriveRecipient { ObjectId = id.ToString("D") } : new DriveRecipient { Email = r.Email })],
            RequireSignIn = true,
            SendInvitation = false,
            Roles = ["read"],
        };
        var answer = await graph.Drives[driveId].Items[itemId].Invite.PostAsInvitePostResponseAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var granted = answer?.Value?.Count ?? 0;
        Shared(logger, itemId, recipients.Count, granted);
        return granted;
    }

    private static DriveItemUploadableProperties Replace() => new()
    {
        AdditionalData = new Dictionary<string, object> { ["@microsoft.graph.conflictBehavior"] = "replace" },
    };

    private static StoredFileItem Stored(string driveId, DriveItem? item) =>
        item is { Id: { Length: > 0 } id, WebUrl: { Length: > 0 } webUrl }
            ? new StoredFileItem(driveId, id, webUrl)
            : throw new InvalidOperationException("Graph answered an upload without the item's id and web URL.");

    /// <summary>
    /// The slices PUT to the session's address in order with their Content-Range, on a client that carries no Graph
    /// token (the address is pre-authenticated); the last answer (200 or 201) is the driveItem.
    /// </summary>
    private async Task<DriveItem> UploadInSlicesAsync(UploadSession? session, byte[] content, CancellationToken cancellationToken)
    {
        if (session?.UploadUrl is not { Length: > 0 } uploadUrl)
        {
            throw new InvalidOperationException("Graph answered an upload session without its uploadUrl.");
        }
        var client = clients.CreateClient(GraphFileHttpClients.UploadSession);
        for (var start = 0; start < content.Length; start += SliceSize)
        {
            var length = Math.Min(SliceSize, content.Length - start);
            using var slice = new ByteArrayContent(content, start, length);
            slice.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, content.Length);
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = slice };
            using var response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode is HttpStatusCode.Accepted)
            {
                continue;
            }
            if (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Created && start + length == content.Length)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                using var document = JsonDocument.Parse(body);
                var root = document.RootElement;
                return new DriveItem
                {
                    Id = root.TryGetProperty("id", out var id) ? id.GetString() : null,
                    WebUrl = root.TryGetProperty("webUrl", out var webUrl) ? webUrl.GetString() : null,
                };
            }
            throw new HttpRequestException($"The upload session answered {(int)response.StatusCode} to a slice.", null, response.StatusCode);
        }
        throw new InvalidOperationException("The upload session never answered with the uploaded item.");
    }

    [LoggerMessage(EventId = 5311, Level = LogLevel.Information, Message = "Uploaded {Length} bytes as item {ItemId}")]
    private static partial void Uploaded(ILogger logger, int length, string itemId);

    [LoggerMessage(EventId = 5312, Level = LogLevel.Information, Message = "Replaced the content of item {ItemId} with {Length} bytes")]
    private static partial void Replaced(ILogger logger, int length, string itemId);

    [LoggerMessage(EventId = 5313, Level = LogLevel.Warning, Message = "Item {ItemId} is gone from its drive; it will be uploaded again")]
    private static partial void ItemGone(ILogger logger, string itemId);

    [LoggerMessage(EventId = 5314, Level = LogLevel.Information, Message = "Item {ItemId} shared with {Recipients} people; {Granted} permissions answered")]
    private static partial void Shared(ILogger logger, string itemId, int recipients, int granted);
}
