using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Json;
using KiemDiemBot.Bot.Configuration;

namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>
/// The .zip uploaded to Teams: <c>manifest.json</c>, <c>color.png</c> and <c>outline.png</c> at its root, nothing
/// else. The same settings give the same bytes (fixed entry times), so a package can be rebuilt and compared.
/// </summary>
public static class TeamsAppPackage
{
    public const string ManifestFile = "manifest.json";

    // ZIP's earliest representable time: entries carry no build time.
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // Vietnamese stays readable in the manifest instead of \u escapes.
    private static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The package's bytes for the bot's app id and host name.</summary>
    public static byte[] Build(Guid appId, string hostName, TeamsAppOptions options)
    {
        var manifest = TeamsAppManifest.Build(appId, hostName, options);
        using var package = new MemoryStream();
        using (var zip = new ZipArchive(package, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, ManifestFile, JsonSerializer.SerializeToUtf8Bytes(manifest, ManifestJson));
            Add(zip, TeamsAppManifest.ColourIconFile, PngEncoder.Encode(TeamsAppIcons.Colour()));
            Add(zip, TeamsAppManifest.OutlineIconFile, PngEncoder.Encode(TeamsAppIcons.Outline()));
        }
        return package.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }
}
