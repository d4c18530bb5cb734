using System.Security.Cryptography;
using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using Microsoft.Net.Http.Headers;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>Reads the request body as an activity, loosely: unknown fields are kept, malformed JSON is not an activity.</summary>
internal static class ActivityReader
{
    private const int ChunkSize = 16 * 1024;

    /// <summary>True for <c>application/json</c> (any charset); a browser's cross-site form post can send nothing else without a preflight.</summary>
    public static bool IsJson(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
        && type.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body's bytes, or null when it is longer than <paramref name="maxBytes"/> (read no further than that).</summary>
    public static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>The activity, or null when the body is not a JSON object of the activity's shape.</summary>
    public static Activity? TryParse(byte[] body)
    {
        try
        {
            return JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>An activity without an id (never from Teams) is keyed by its content, so an identical redelivery is still recognised.</summary>
    public static string IdOf(Activity activity, byte[] body) =>
        string.IsNullOrEmpty(activity.Id) ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body)) : activity.Id;
}
