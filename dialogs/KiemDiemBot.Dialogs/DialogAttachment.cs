using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs;

/// <summary>
/// An attachment of a reply that is not an Adaptive Card: Teams' file consent card, or the file card of a file
/// the bot has just saved for the member. Its content is the attachment's JSON content as the channel expects it.
/// </summary>
/// <param name="ContentType">E.g. <c>application/vnd.microsoft.teams.card.file.consent</c>.</param>
/// <param name="Content">The attachment's content.</param>
public sealed record DialogAttachment(string ContentType, JsonObject? Content)
{
    /// <summary>The attachment's name (for a file, the file name).</summary>
    public string? Name { get; init; }

    /// <summary>Where the attachment's file is (for a file card, the file's address in OneDrive).</summary>
    public string? ContentUrl { get; init; }
}
