using System.Text.Json;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>JSON answers of the local channel, in the wire's JSON options and the Connector's error shape.</summary>
internal static class LocalChannelResults
{
    public static IResult Json(object body, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(body, ProtocolJson.Options, statusCode: statusCode);

    /// <summary><c>{error:{code, message}}</c>, as Direct Line and the Connector answer failures.</summary>
    public static IResult Error(int statusCode, string code, string message) =>
        Json(new ErrorResponse { Error = new ErrorBody { Code = code, Message = message } }, statusCode);

    public static IResult ConversationNotFound() =>
        Error(StatusCodes.Status404NotFound, "ConversationNotFound", "Conversation not found.");

    public static IResult BadArgument(string message) =>
        Error(StatusCodes.Status400BadRequest, "BadArgument", message);

    /// <summary>Teams' ceiling for one message (PROTOCOL.md 6): 100 KB of UTF-16.</summary>
    public const int MaxMessageBytes = 100 * 1024;

    /// <summary>413 MessageSizeTooBig for an activity over <see cref="MaxMessageBytes"/>, as Teams answers; null when it fits.</summary>
    public static IResult? TooLarge(Activity activity) =>
        JsonSerializer.Serialize(activity, ProtocolJson.Options).Length * sizeof(char) > MaxMessageBytes
            ? Error(StatusCodes.Status413PayloadTooLarge, "MessageSizeTooBig", "Message size too large.")
            : null;

    /// <summary>Reads a JSON body in the wire's options; null when it is missing or not JSON of that shape.</summary>
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(request.Body, ProtocolJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
