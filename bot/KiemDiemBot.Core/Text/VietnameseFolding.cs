using System.Globalization;
using System.Text;

namespace KiemDiemBot.Core.Text;

/// <summary>
/// Folds Vietnamese text for matching what people type or write in spreadsheets: lower case,
/// diacritics removed (đ becomes d), punctuation dropped, runs of spaces folded.
/// "Trợ giúp!", "tro giup" and "TRỢ   GIÚP" all become "tro giup".
/// </summary>
public static class VietnameseFolding
{
    public static string Fold(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            var folded = c switch
            {
                'đ' or 'Đ' => 'd',
                _ => char.ToLowerInvariant(c),
            };
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(folded);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }
        return builder.ToString();
    }
}
