using System.Globalization;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards;

/// <summary>
/// What Teams' file consent card carries back to the bot in its <c>fileConsent/invoke</c> (the card's
/// <c>acceptContext</c> and <c>declineContext</c>): which file it offered, by ids only, never its content or a
/// name that could identify the member.
/// </summary>
/// <param name="ReviewId">The self-review whose .docx was offered.</param>
/// <param name="ReviewVersion">The version of the review the offer was made from.</param>
public sealed record FileConsentContext(Guid ReviewId, int ReviewVersion)
{
    /// <summary>The kind of file offered; the only one so far.</summary>
    public const string SelfReviewFile = "selfReview";

    private const string FileKey = "file";
    private const string ReviewIdKey = "reviewId";
    private const string VersionKey = "version";

    public JsonObject ToJson() => new()
    {
        [FileKey] = SelfReviewFile,
        [ReviewIdKey] = ReviewId.ToString("D"),
        [VersionKey] = ReviewVersion,
    };

    /// <summary>Reads a context written by <see cref="ToJson"/>; null when <paramref name="context"/> is not one.</summary>
    public static FileConsentContext? TryRead(JsonNode? context)
    {
        if (context is not JsonObject value
            || ReadString(value, FileKey) != SelfReviewFile
            || !Guid.TryParse(ReadString(value, ReviewIdKey), out var reviewId)
            || ReadInt(value, VersionKey) is not { } version)
        {
            return null;
        }
        return new FileConsentContext(reviewId, version);
    }

    private static string? ReadString(JsonObject value, string key) =>
        value[key] is JsonValue node && node.TryGetValue<string>(out var text) ? text : null;

    // Teams hands the context back as sent; a channel that turns the number into text is read too.
    private static int? ReadInt(JsonObject value, string key) => value[key] switch
    {
        JsonValue node when node.TryGetValue<int>(out var number) => number,
        JsonValue node when node.TryGetValue<string>(out var text)
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
