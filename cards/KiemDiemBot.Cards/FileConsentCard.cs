using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>
/// Teams' file consent card: in the member's personal chat it asks leave to save the file in their OneDrive.
/// Teams draws the card and its Allow / Decline buttons itself; the answer comes back as a
/// <c>fileConsent/invoke</c> carrying the context of the button pressed. Not an Adaptive Card: this is the
/// attachment's content, and the attachment's name is the file name.
/// </summary>
public static class FileConsentCard
{
    public const string ContentType = "application/vnd.microsoft.teams.card.file.consent";

    public static JsonObject Build(FileConsentCardInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfNegative(input.SizeInBytes);
        return new JsonObject
        {
            ["description"] = string.Format(CultureInfo.CurrentCulture, FileTexts.ConsentDescription, input.Year),
            ["sizeInBytes"] = input.SizeInBytes,
            ["acceptContext"] = input.Context.ToJson(),
            ["declineContext"] = input.Context.ToJson(),
        };
    }
}
