using System.Globalization;
using KiemDiemBot.Core.Text;

namespace KiemDiemBot.Core.Exports;

/// <summary>File names without diacritics: <c>{prefix}-{year}-{Name-In-Words}.{extension}</c>.</summary>
internal static class ExportFileNames
{
    public static string Of(string prefix, string name, int year, string extension)
    {
        var words = VietnameseFolding.Fold(name)
            .Split([' ', '-', '/', '\\', '.', ',', ':', '–'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..])
            .Where(w => w.All(char.IsAsciiLetterOrDigit));
        var slug = string.Join('-', words);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{year}{(slug.Length == 0 ? "" : "-" + slug)}.{extension}");
    }
}
