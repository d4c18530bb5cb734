using System.Text.Json;

namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// The code and subCode of a Connector error answer. Teams uses more than one shape:
/// <c>{error:{code, message, subCode?}}</c> (PROTOCOL.md 3.4), a top-level <c>subCode</c>, and for
/// 403 MessageWritesBlocked <c>{errorCode:209, message:"{\"subCode\":\"MessageWritesBlocked\", ...}"}</c>
/// where the subCode sits in JSON inside the message string (msteams-docs send-proactive-messages.md).
/// </summary>
internal sealed record ConnectorError(string? Code, string? SubCode, bool BodyWasJson)
{
    public static ConnectorError Parse(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return new ConnectorError(null, null, BodyWasJson: false);
        }
        using var document = TryParse(body);
        if (document is null || document.RootElement.ValueKind != JsonValueKind.Object)
        {
            return new ConnectorError(null, null, BodyWasJson: false);
        }
        var root = document.RootElement;
        var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.Object ? e : (JsonElement?)null;
        var code = ReadString(error, "code") ?? ReadString(root, "code") ?? ReadString(root, "errorCode");
        var subCode = ReadString(error, "subCode")
            ?? ReadString(root, "subCode")
            ?? ReadString(ReadObject(error, "innerHttpError"), "subCode")
            ?? ReadEmbeddedSubCode(ReadString(error, "message"))
            ?? ReadEmbeddedSubCode(ReadString(root, "message"));
        return new ConnectorError(code, subCode, BodyWasJson: true);
    }

    private static string? ReadEmbeddedSubCode(string? message)
    {
        if (message is null || !message.TrimStart().StartsWith('{'))
        {
            return null;
        }
        using var inner = TryParse(message);
        return inner is null ? null : ReadString(inner.RootElement, "subCode");
    }

    private static JsonElement? ReadObject(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            ? value
            : null;

    private static string? ReadString(JsonElement? element, string name)
    {
        if (element is not { ValueKind: JsonValueKind.Object } e || !e.TryGetProperty(name, out var value))
        {
            return null;
        }
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    // An error body is whatever the server or a proxy in front of it wrote; a body that is not JSON
    // is reported as such (BodyWasJson = false) rather than failing the error path itself.
    private static JsonDocument? TryParse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
