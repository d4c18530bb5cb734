using System.Globalization;
using System.Text;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// How roster codes are compared: trimmed, ignoring case and diacritics, keeping punctuation,
/// so "cb-01", "CB-01" and "CB-01 " are one code while "CB01" is another.
/// </summary>
internal static class RosterCodes
{
    /// <summary>Codes of the template's example rows start with this ("ví dụ"); import refuses them.</summary>
    public const string ExamplePrefix = "VD-";

    /// <summary>True for a code of the template's example rows, whatever its case or diacritics.</summary>
    public static bool IsExample(string code) => Key(code).StartsWith(ExamplePrefix, StringComparison.Ordinal);

    public static string Key(string code)
    {
        var decomposed = code.Trim().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            builder.Append(c is 'đ' or 'Đ' ? 'D' : char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }
}
