using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>Parsing of the roster's dates and e-mail addresses.</summary>
internal static partial class RosterValues
{
    private static readonly string[] DateFormats =
    [
        "d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss", "d/M/yyyy H:mm:ss",
    ];

    private static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <summary>dd/MM/yyyy (Vietnamese usage, also with '-' or '.'), or ISO yyyy-MM-dd; a time of day is ignored.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        if (DateTime.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && DateOnly.FromDateTime(parsed) >= Earliest)
        {
            date = DateOnly.FromDateTime(parsed);
            return true;
        }
        date = default;
        return false;
    }

    /// <summary>A bare address (no display name) with a dotted domain, e.g. an.nguyen@tinh.gov.vn.</summary>
    public static bool IsEmail(string text) =>
        !text.Any(char.IsWhiteSpace)
        && MailAddress.TryCreate(text, out var address)
        && string.Equals(address.Address, text, StringComparison.Ordinal)
        && address.Host.Contains('.', StringComparison.Ordinal)
        && !address.Host.StartsWith('.')
        && !address.Host.EndsWith('.');

    /// <summary>The date inside a text such as "Khiển trách 15/03/2022" and the text around it.</summary>
    public static bool TrySplitDate(string text, out string rest, out DateOnly date)
    {
        var match = DatePattern().Match(text);
        if (match.Success && TryParseDate(match.Value, out date))
        {
            rest = text.Remove(match.Index, match.Length);
            return true;
        }
        rest = text;
        date = default;
        return false;
    }

    public static string Format(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();
}
