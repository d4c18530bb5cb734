using System.Net;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Files;

/// <summary>One request the bot made to the upload address.</summary>
public sealed record ReceivedUpload(HttpMethod Method, Uri Url, string? ContentRange, bool HadAuthorization, byte[] Body, int AnsweredStatus);

/// <summary>
/// The upload session Teams hands out when a member accepts a file consent card (a OneDrive upload URL on an
/// https host of its own, never the Connector's), faked at HTTP as the bot's upload client's handler: a PUT of
/// the whole file with <c>Content-Range: bytes 0-{n-1}/{n}</c> is answered 201 with the new drive item; a PUT
/// whose range does not match its body 400; scripted answers first. Every request is recorded.
/// </summary>
public sealed class FakeUploadServer : HttpMessageHandler
{
    public const string Host = "kiemdiemtest-my.sharepoint.com";

    private readonly Lock gate = new();
    private readonly List<ReceivedUpload> uploads = [];
    private readonly Queue<HttpStatusCode> scripted = new();
    private HttpStatusCode? always;

    /// <summary>A fresh upload session's address, as Teams puts it in <c>uploadInfo.uploadUrl</c>.</summary>
    public static Uri NewSession() => new($"https://{Host}/personal/member/_api/v2.0/drive/root/uploadSession?guid={Guid.NewGuid():N}");

    public IReadOnlyList<ReceivedUpload> Uploads
    {
        get { lock (gate) { return [.. uploads]; } }
    }

    /// <summary>The next <paramref name="count"/> requests are answered <paramref name="status"/>.</summary>
    public void FailNext(int count, HttpStatusCode status)
    {
        lock (gate)
        {
            for (var i = 0; i < count; i++)
            {
                scripted.Enqueue(status);
            }
        }
    }

    /// <summary>Every request from now on is answered <paramref name="status"/>.</summary>
    public void FailAlways(HttpStatusCode status)
    {
        lock (gate)
        {
            always = status;
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var range = request.Content?.Headers.ContentRange;
        HttpStatusCode status;
        lock (gate)
        {
            status = scripted.Count > 0 ? scripted.Dequeue()
                : always ?? Answer(request, range, body.Length);
            uploads.Add(new ReceivedUpload(request.Method, request.RequestUri!, range?.ToString(), request.Headers.Authorization is not null, body, (int)status));
        }
        var response = new HttpResponseMessage(status) { RequestMessage = request };
        if (status == HttpStatusCode.Created)
        {
            response.Content = new StringContent(
                new JsonObject { ["id"] = Guid.NewGuid().ToString("N"), ["size"] = body.Length }.ToJsonString(),
                System.Text.Encoding.UTF8,
                "application/json");
        }
        return response;
    }

    private static HttpStatusCode Answer(HttpRequestMessage request, System.Net.Http.Headers.ContentRangeHeaderValue? range, int length)
    {
        if (request.RequestUri is not { Scheme: "https", Host: Host } || request.Method != HttpMethod.Put)
        {
            return HttpStatusCode.NotFound;
        }
        var whole = range is { Unit: "bytes", From: 0, HasLength: true } && range.To == length - 1 && range.Length == length && length > 0;
        return whole ? HttpStatusCode.Created : HttpStatusCode.BadRequest;
    }
}
