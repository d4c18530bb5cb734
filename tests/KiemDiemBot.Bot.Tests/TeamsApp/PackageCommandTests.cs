using System.IO.Compression;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Hosting;
using KiemDiemBot.Testing;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary><c>dotnet run --project bot/KiemDiemBot.Bot -- package out.zip</c> as an operator runs it: the host as a process.</summary>
[Collection(ManifestValidatorCollection.Name)]
public sealed class PackageCommandTests(ManifestValidatorFixture validator)
{
    private const string AppId = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01";
    private const string TenantId = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b";
    private const string HostName = "kiemdiem.dangbo.example.vn";

    [Fact]
    public async Task Package_ConfiguredBot_WritesAValidZipOfManifestAndTwoIcons()
    {
        using var database = new SqliteTestDatabase();
        var folder = Path.GetDirectoryName(database.FilePath)!;

        var (exitCode, output, error) = await RunAsync(database, Settings(appId: AppId, hostName: HostName), "package", "goi/kiemdiem.zip");

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        var zipPath = Path.Combine(folder, "goi", "kiemdiem.zip");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith($"Đã ghi gói ứng dụng Teams vào {zipPath} (mã ứng dụng {AppId}, tên miền {HostName}).", line, StringComparison.Ordinal);

        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        var manifest = JsonNode.Parse(Read(zip, "manifest.json"))!.AsObject();
        Assert.Equal(AppId, manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(AppId, manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal(HostName, manifest["validDomains"]!.AsArray().Single()!.GetValue<string>());
        Assert.Equal("color.png", manifest["icons"]!["color"]!.GetValue<string>());
        Assert.Equal("outline.png", manifest["icons"]!["outline"]!.GetValue<string>());
        var colour = PngReader.Read(Read(zip, "color.png"));
        var outline = PngReader.Read(Read(zip, "outline.png"));
        Assert.Equal((192, 192), (colour.Width, colour.Height));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.Equal(0, outline.At(0, 0).A);

        var result = await validator.ValidateAsync(manifest, manifest["manifestVersion"]!.GetValue<string>());
        Assert.Empty(result.Errors);
        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData(null, HostName, "Bot:MicrosoftAppId", "Bot__MicrosoftAppId")]
    [InlineData(AppId, null, "Bot:PublicHostName", "Bot__PublicHostName")]
    [InlineData(null, null, "Bot:MicrosoftAppId và Bot:PublicHostName", "Bot__MicrosoftAppId")]
    public async Task Package_AppIdOrHostNameMissing_RefusesInOneLineAndWritesNothing(string? appId, string? hostName, string keys, string variable)
    {
        using var database = new SqliteTestDatabase();
        var folder = Path.GetDirectoryName(database.FilePath)!;

        var (exitCode, output, error) = await RunAsync(database, Settings(appId, hostName), "package", "kiemdiem.zip");

        Assert.Equal(2, exitCode);
        Assert.Equal("", error);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Equal($"Chưa tạo được gói ứng dụng Teams: cần đặt {keys} (ví dụ biến môi trường {variable}).", line);
        Assert.False(File.Exists(Path.Combine(folder, "kiemdiem.zip")));
    }

    [Fact]
    public async Task Package_HostNameWithScheme_StartRefusedInOneLineNamingTheKey()
    {
        using var database = new SqliteTestDatabase();

        var (exitCode, output, error) = await RunAsync(database, Settings(AppId, "https://" + HostName), "package", "kiemdiem.zip");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Contains("Bot:PublicHostName must be a host name such as kiemdiem.example.org, without https:// or a path", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_NoPath_PrintsItsUsage()
    {
        using var database = new SqliteTestDatabase();

        var (exitCode, output, _) = await RunAsync(database, Settings(AppId, HostName), "package");

        Assert.Equal(2, exitCode);
        Assert.Equal("Cách dùng: dotnet run --project bot/KiemDiemBot.Bot -- package <tệp .zip>", output.Trim());
    }

    private static Dictionary<string, string> Settings(string? appId, string? hostName)
    {
        var settings = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Development" };
        if (appId is not null)
        {
            settings["Bot__MicrosoftAppId"] = appId;
            settings["Bot__MicrosoftAppPassword"] = "test-secret-not-used";
            settings["Bot__MicrosoftAppTenantId"] = TenantId;
        }
        if (hostName is not null)
        {
            settings["Bot__PublicHostName"] = hostName;
        }
        return settings;
    }

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(SqliteTestDatabase database, Dictionary<string, string> settings, params string[] arguments)
    {
        settings["ConnectionStrings__KiemDiem"] = database.ConnectionString;
        return BotProcess.RunAsync(arguments, settings, Path.GetDirectoryName(database.FilePath));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
