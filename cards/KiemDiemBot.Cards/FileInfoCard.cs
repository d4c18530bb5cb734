using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// Teams' file card for a file the bot has just saved in the member's OneDrive: the member opens, previews or
/// downloads it from there. The attachment's name and contentUrl are those Teams gave for the upload; this
/// is its content.
/// </summary>
public static class FileInfoCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.info";

    public static JsonObject Build(FileInfoCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.UniqueId);
        ArgumentException.ThrowIfNullOrWhiteSpace(input.FileType);
        return new JsonObject
        {
            ["uniqueId"] = input.UniqueId,
            ["fileType"] = input.FileType,
        };
    }
}
