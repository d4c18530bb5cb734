using System.Text.Json.Nodes;
using KiemDiemBot.Cards;

namespace KiemDiemBot.Bot.Files;

/// <summary>Where Teams has made room for an accepted file in the member's OneDrive (<c>value.uploadInfo</c>).</summary>
/// <param name="Name">The file's name as Teams will show it (Teams may have renamed it, e.g. "x (1).docx").</param>
/// <param name="UploadUrl">Where the bytes go: an https upload session, not the Connector; the bot's token never goes there.</param>
/// <param name="ContentUrl">The file's address in OneDrive, for the file card.</param>
/// <param name="UniqueId">The OneDrive item's id, for the file card.</param>
/// <param name="FileType">E.g. docx, for the file card.</param>
public sealed record FileUploadInfo(string Name, Uri UploadUrl, string ContentUrl, string UniqueId, string FileType);

/// <summary>
/// The value of a <c>fileConsent/invoke</c>: <c>{ type: "fileUpload", action: "accept" | "decline", context,
/// uploadInfo }</c>, where context is the consent card's accept or decline context and uploadInfo comes with an
/// accept only (Teams' "Send and receive files using bot").
/// </summary>
public sealed record FileConsentValue(bool Accepted, FileConsentContext Context, FileUploadInfo? UploadInfo)
{
    public const string InvokeName = "fileConsent/invoke";

    /// <summary>The answer read from the invoke's value; null when it is not a well-formed one.</summary>
    public static FileConsentValue? TryRead(JsonNode? value)
    {
        if (value is not JsonObject data || FileConsentContext.TryRead(data["context"]) is not { } context)
        {
            return null;
        }
        switch (ReadString(data, "action"))
        {
            case "decline":
                return new FileConsentValue(false, context, null);
            case "accept" when ReadUploadInfo(data) is { } upload:
                return new FileConsentValue(true, context, upload);
            default:
                return null;
        }
    }

    /// <summary>The answer's action ("accept" or "decline"); null when <paramref name="value"/> has none.</summary>
    internal static string? ReadAction(JsonObject value) => ReadString(value, "action");

    /// <summary>An accepted answer's <c>uploadInfo</c>; null when it is missing or incomplete.</summary>
    internal static FileUploadInfo? ReadUploadInfo(JsonObject value) =>
        value["uploadInfo"] is JsonObject upload
            && ReadString(upload, "name") is { Length: > 0 } name
            && Uri.TryCreate(ReadString(upload, "uploadUrl"), UriKind.Absolute, out var uploadUrl)
            && ReadString(upload, "contentUrl") is { Length: > 0 } contentUrl
            && ReadString(upload, "uniqueId") is { Length: > 0 } uniqueId
            && ReadString(upload, "fileType") is { Length: > 0 } fileType
            ? new FileUploadInfo(name, uploadUrl, contentUrl, uniqueId, fileType)
            : null;

    private static string? ReadString(JsonObject value, string key) =>
        value[key] is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;
}
