using System.Globalization;
using System.Text;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// How roster codes are compared: trimmed, ignoring case and diacritics, keeping punctuation,
/// so "cb-01", "CB-01" and "CB-01 " are one code while "CB01" is another.
/// </summary>
internal static class RosterCodes
{
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
