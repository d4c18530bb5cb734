using System.Text.Json;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>Reads the request body as an activity, loosely: unknown fields are kept, malformed JSON is not an activity.</summary>
internal static class ActivityReader
{
    /// <summary>The activity, or null when the body is not a JSON object of the activity's shape.</summary>
    public static async Task<Activity?> TryReadAsync(Stream body, CancellationToken cancellationToken)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<Activity>(body, ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            // Answered 400 by the caller, once the request is authenticated.
            return null;
        }
    }
}
