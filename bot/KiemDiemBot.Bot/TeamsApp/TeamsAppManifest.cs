using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Resources;

namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>
/// The Teams app manifest (PROTOCOL.md 8): the bot in personal, group chat and team scopes with its Vietnamese
/// command lists, files in personal chat, and the resource-specific consent the meeting features need. The app's
/// id is the bot's app id, so the app and its bot are one registration.
/// </summary>
public static class TeamsAppManifest
{
    /// <summary>The newest manifest schema whose JSON schema the offline validator carries (@microsoft/app-manifest 1.1.2).</summary>
    public const string ManifestVersion = "1.30";

    public const string SchemaUrl = "https://developer.microsoft.com/json-schemas/teams/v" + ManifestVersion + "/MicrosoftTeams.schema.json";

    public const string ColourIconFile = "color.png";
    public const string OutlineIconFile = "outline.png";

    /// <summary>
    /// Resource-specific consent, granted by whoever installs the app in a chat or team (Application permissions):
    /// meeting details and start/end events, the participants of a meeting, the members of a chat (the meeting's
    /// attendance and ballots), and the same for meetings held in a team's channel.
    /// </summary>
    public static IReadOnlyList<string> ResourceSpecificPermissions { get; } =
    [
        "OnlineMeeting.ReadBasic.Chat",
        "OnlineMeetingParticipant.Read.Chat",
        "ChatMember.Read.Chat",
        "ChannelMeeting.ReadBasic.Group",
        "ChannelMeetingParticipant.Read.Group",
        "TeamMember.Read.Group",
    ];

    public static JsonObject Build(Guid appId, string hostName, TeamsAppOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        ArgumentNullException.ThrowIfNull(options);
        var id = appId.ToString("D", CultureInfo.InvariantCulture);
        var site = $"https://{hostName}/";
        return new JsonObject
        {
            ["$schema"] = SchemaUrl,
            ["manifestVersion"] = ManifestVersion,
            ["version"] = options.Version,
            ["id"] = id,
            ["developer"] = new JsonObject
            {
                ["name"] = string.IsNullOrWhiteSpace(options.DeveloperName) ? TeamsAppTexts.App_DeveloperName : options.DeveloperName,
                ["websiteUrl"] = OrDefault(options.WebsiteUrl, site),
                ["privacyUrl"] = OrDefault(options.PrivacyUrl, site),
                ["termsOfUseUrl"] = OrDefault(options.TermsOfUseUrl, site),
            },
            ["name"] = new JsonObject
            {
                ["short"] = TeamsAppTexts.App_ShortName,
                ["full"] = TeamsAppTexts.App_FullName,
            },
            ["description"] = new JsonObject
            {
                ["short"] = TeamsAppTexts.App_ShortDescription,
                ["full"] = TeamsAppTexts.App_FullDescription,
            },
            ["icons"] = new JsonObject
            {
                ["color"] = ColourIconFile,
                ["outline"] = OutlineIconFile,
            },
            ["accentColor"] = TeamsAppIcons.PartyRed,
            ["bots"] = new JsonArray(new JsonObject
            {
                ["botId"] = id,
                ["scopes"] = new JsonArray("personal", "groupChat", "team"),
                // Files in personal chat: the self-review and the exports are offered by Teams' file consent.
                ["supportsFiles"] = true,
                ["isNotificationOnly"] = false,
                ["commandLists"] = new JsonArray(
                    CommandList("personal", TeamsAppCommands.Personal),
                    CommandList("groupChat", TeamsAppCommands.GroupChat),
                    CommandList("team", TeamsAppCommands.Team)),
            }),
            ["validDomains"] = new JsonArray(hostName),
            // Required for resource-specific consent; the resource only has to be non-empty (no single sign-on here).
            ["webApplicationInfo"] = new JsonObject
            {
                ["id"] = id,
                ["resource"] = $"api://{hostName}/botid-{id}",
            },
            ["authorization"] = new JsonObject
            {
                ["permissions"] = new JsonObject
                {
                    ["resourceSpecific"] = new JsonArray([.. ResourceSpecificPermissions.Select(name => (JsonNode)new JsonObject
                    {
                        ["name"] = name,
                        ["type"] = "Application",
                    })]),
                },
            },
        };
    }

    private static JsonObject CommandList(string scope, IReadOnlyList<TeamsAppCommand> commands) => new()
    {
        ["scopes"] = new JsonArray(scope),
        ["commands"] = new JsonArray([.. commands.Select(command => (JsonNode)new JsonObject
        {
            ["title"] = command.Title,
            ["description"] = command.Description,
        })]),
    };

    private static string OrDefault(string? value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
