using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace KiemDiemBot.Core.Exports;

/// <summary>
/// SHA-256 (hex) of what a document says rather than of its bytes: a .docx or .xlsx is a zip whose entries carry the
/// time they were written, and whose relationship ids the Open XML SDK draws at random, so the same document exported
/// twice differs in bytes. For such a package the hash covers each entry's name and content in name order, with each
/// relationship id replaced by the relationship's type and target (in its .rels file and in the part it belongs to)
/// and the core properties part's random name made fixed;
/// anything else is hashed as it is.
/// </summary>
internal static partial class ExportContentHash
{
    private const string RelsFolder = "_rels/";
    private const string RelsSuffix = ".rels";

    /// <summary>System.IO.Packaging names the core properties part at random.</summary>
    private const string CorePropertiesFolder = "package/services/metadata/core-properties/";

    public static string Of(byte[] content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Length < 4 || content[0] != (byte)'P' || content[1] != (byte)'K')
        {
            return Convert.ToHexStringLower(SHA256.HashData(content));
        }
        Dictionary<string, byte[]> entries;
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            entries = archive.Entries.ToDictionary(e => e.FullName, Read, StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return Convert.ToHexStringLower(SHA256.HashData(content));
        }
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (rels, bytes) in entries.Where(e => e.Key.EndsWith(RelsSuffix, StringComparison.Ordinal) && e.Key.Contains(RelsFolder, StringComparison.Ordinal)))
        {
            var source = rels.Replace(RelsFolder, "", StringComparison.Ordinal)[..^RelsSuffix.Length];
            var ids = XDocument.Parse(Text(bytes)).Root?.Elements()
                .Select(r => ((string?)r.Attribute("Id"), (string?)r.Attribute("Type") + "|" + Canonical((string?)r.Attribute("Target") ?? "")))
                .Where(r => !string.IsNullOrEmpty(r.Item1))
                .ToList() ?? [];
            foreach (var part in new[] { rels, source })
            {
                if (entries.ContainsKey(part))
                {
                    var text = texts.GetValueOrDefault(part) ?? Text(entries[part]);
                    foreach (var (id, meaning) in ids)
                    {
                        text = text.Replace("\"" + id + "\"", "\"" + meaning + "\"", StringComparison.Ordinal);
                    }
                    text = RandomCoreProperties().Replace(text, CorePropertiesFolder + "core.psmdcp");
                    texts[part] = text;
                }
            }
        }
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, bytes) in entries.OrderBy(e => Canonical(e.Key), StringComparer.Ordinal))
        {
            var data = texts.TryGetValue(name, out var text) ? Encoding.UTF8.GetBytes(text) : bytes;
            hash.AppendData(Encoding.UTF8.GetBytes(Canonical(name) + "\n" + data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\n"));
            hash.AppendData(data);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>A part's name with the random name of the core properties part made fixed.</summary>
    private static string Canonical(string path)
    {
        var at = path.IndexOf(CorePropertiesFolder, StringComparison.Ordinal);
        return at < 0 ? path : path[..(at + CorePropertiesFolder.Length)] + "core" + Path.GetExtension(path);
    }

    [GeneratedRegex("package/services/metadata/core-properties/[0-9a-fA-F]+\\.psmdcp")]
    private static partial Regex RandomCoreProperties();

    /// <summary>An XML part's text, its byte order mark (if any) dropped.</summary>
    private static string Text(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var data = entry.Open();
        using var buffer = new MemoryStream();
        data.CopyTo(buffer);
        return buffer.ToArray();
    }
}
