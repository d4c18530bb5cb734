using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.TeamsApp;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>The manifest Teams reads when the package is uploaded, checked against the official schema offline.</summary>
[Collection(ManifestValidatorCollection.Name)]
public sealed class TeamsAppManifestTests(ManifestValidatorFixture validator)
{
    private static readonly Guid AppId = Guid.Parse("5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01");
    private const string HostName = "kiemdiem.dangbo.example.vn";

    [Fact]
    public async Task Build_ConfiguredBot_ValidAgainstTheOfficialSchema130()
    {
        var manifest = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions());

        var result = await validator.ValidateAsync(manifest, TeamsAppManifest.ManifestVersion);

        Assert.Empty(result.Errors);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("json-schemas/teams/v1.30/MicrosoftTeams.schema.json: valid", result.Summary, StringComparison.Ordinal);
        Assert.Equal("1.30", manifest["manifestVersion"]!.GetValue<string>());
        Assert.Equal("https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json", manifest["$schema"]!.GetValue<string>());
    }

    [Fact]
    public async Task Build_BrokenOnPurpose_RejectedByTheSchemaAtEachFault()
    {
        var manifest = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions());
        var bot = manifest["bots"]![0]!.AsObject();
        bot["botId"] = "not-a-guid";
        manifest["accentColor"] = "red";
        manifest["name"]!["short"] = new string('x', 31);
        var personal = bot["commandLists"]![0]!["commands"]!.AsArray();
        personal.Add(new JsonObject { ["title"] = "thừa" });
        manifest.Remove("developer");

        var result = await validator.ValidateAsync(manifest, TeamsAppManifest.ManifestVersion);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.InstancePath == "/bots/0/botId" && e.Keyword == "pattern");
        Assert.Contains(result.Errors, e => e.InstancePath == "/accentColor" && e.Keyword == "pattern");
        Assert.Contains(result.Errors, e => e.InstancePath == "/name/short" && e.Keyword == "maxLength");
        Assert.Contains(result.Errors, e => e.InstancePath == "/bots/0/commandLists/0/commands" && e.Keyword == "maxItems");
        Assert.Contains(result.Errors, e => e.InstancePath == "" && e.Keyword == "required" && e.Message.Contains("developer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Build_OlderManifestVersionStated_RejectedAsNot130()
    {
        var manifest = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions());
        manifest["manifestVersion"] = "1.29";

        var result = await validator.ValidateAsync(manifest, TeamsAppManifest.ManifestVersion);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(result.Errors, e => e.InstancePath == "/manifestVersion" && e.Keyword == "const");
    }

    [Fact]
    public void Build_ConfiguredBot_AppIdBotIdAndWebApplicationIdAreTheAppIdAndTheHostIsTheValidDomain()
    {
        var manifest = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions());

        Assert.Equal(AppId.ToString(), manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["webApplicationInfo"]!["id"]!.GetValue<string>());
        Assert.Equal($"api://{HostName}/botid-{AppId}", manifest["webApplicationInfo"]!["resource"]!.GetValue<string>());
        Assert.Equal([HostName], manifest["validDomains"]!.AsArray().Select(d => d!.GetValue<string>()));
    }

    [Fact]
    public void Build_Bot_PersonalGroupChatAndTeamScopesWithFilesAndOneCommandListPerScope()
    {
        var bot = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions())["bots"]!.AsArray().Single()!;

        Assert.Equal(["personal", "groupChat", "team"], bot["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.True(bot["supportsFiles"]!.GetValue<bool>());
        var lists = bot["commandLists"]!.AsArray();
        Assert.Equal(["personal", "groupChat", "team"], lists.Select(l => l!["scopes"]!.AsArray().Single()!.GetValue<string>()));
        Assert.All(lists, list =>
        {
            var commands = list!["commands"]!.AsArray();
            Assert.InRange(commands.Count, 1, TeamsAppCommands.MaxPerScope);
            Assert.Equal(commands.Count, commands.Select(c => c!["title"]!.GetValue<string>()).Distinct().Count());
            // Teams shows descriptions in a compact menu; older schemas capped them at 128 characters.
            Assert.All(commands, c => Assert.InRange(c!["description"]!.GetValue<string>().Length, 1, 128));
        });
        var personal = lists[0]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        var group = lists[1]!["commands"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()).ToList();
        Assert.Contains("tự kiểm điểm", personal);
        Assert.Contains("nộp", personal);
        Assert.Contains("mở phiếu", group);
        Assert.Contains("lịch họp", group);
    }

    [Fact]
    public void Build_ResourceSpecificConsent_MeetingDetailsParticipantsAndChatMembersAsApplication()
    {
        var permissions = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions())["authorization"]!["permissions"]!["resourceSpecific"]!
            .AsArray()
            .Select(p => (Name: p!["name"]!.GetValue<string>(), Type: p["type"]!.GetValue<string>()))
            .ToList();

        Assert.Contains(("OnlineMeeting.ReadBasic.Chat", "Application"), permissions);
        Assert.Contains(("OnlineMeetingParticipant.Read.Chat", "Application"), permissions);
        Assert.Contains(("ChatMember.Read.Chat", "Application"), permissions);
        Assert.Contains(("ChannelMeeting.ReadBasic.Group", "Application"), permissions);
        Assert.DoesNotContain(permissions, p => p.Name.StartsWith("ChatMessage.Read", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_NamesAndDescriptions_VietnameseWithinTeamsLimits()
    {
        var manifest = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions());

        Assert.Equal("KiemDiemBot", manifest["name"]!["short"]!.GetValue<string>());
        Assert.Contains("xếp loại đảng viên", manifest["name"]!["full"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(manifest["description"]!["short"]!.GetValue<string>().Length, 1, 80);
        Assert.Contains("bản tự kiểm điểm", manifest["description"]!["full"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Nhóm phát triển KiemDiemBot", manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("#DA251D", manifest["accentColor"]!.GetValue<string>());
    }

    [Fact]
    public void Build_NoDeveloperLinksConfigured_LinksToTheBotsAddress()
    {
        var developer = TeamsAppManifest.Build(AppId, HostName, new TeamsAppOptions())["developer"]!;

        Assert.Equal($"https://{HostName}/", developer["websiteUrl"]!.GetValue<string>());
        Assert.Equal($"https://{HostName}/", developer["privacyUrl"]!.GetValue<string>());
        Assert.Equal($"https://{HostName}/", developer["termsOfUseUrl"]!.GetValue<string>());
    }

    [Fact]
    public void Build_DeveloperAndVersionConfigured_UsedAsConfigured()
    {
        var options = new TeamsAppOptions
        {
            Version = "2.3.4",
            DeveloperName = "Đảng ủy Khối ABC",
            WebsiteUrl = "https://dangbo.example.vn/",
            PrivacyUrl = "https://dangbo.example.vn/rieng-tu",
            TermsOfUseUrl = "https://dangbo.example.vn/dieu-khoan",
        };

        var manifest = TeamsAppManifest.Build(AppId, HostName, options);

        Assert.Equal("2.3.4", manifest["version"]!.GetValue<string>());
        Assert.Equal("Đảng ủy Khối ABC", manifest["developer"]!["name"]!.GetValue<string>());
        Assert.Equal("https://dangbo.example.vn/", manifest["developer"]!["websiteUrl"]!.GetValue<string>());
        Assert.Equal("https://dangbo.example.vn/rieng-tu", manifest["developer"]!["privacyUrl"]!.GetValue<string>());
        Assert.Equal("https://dangbo.example.vn/dieu-khoan", manifest["developer"]!["termsOfUseUrl"]!.GetValue<string>());
    }
}
