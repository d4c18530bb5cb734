using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// The <c>Graph</c> section: Microsoft Graph, called with the bot's own app registration (client credentials,
/// <c>Bot:MicrosoftAppId</c> in <c>Bot:MicrosoftAppTenantId</c>). Each feature is off until its subsection is
/// configured, and none runs in local mode.
/// </summary>
public sealed class GraphOptions
{
    public const string SectionName = "Graph";

    /// <summary>Graph's root, version included (tests point it at a fake Graph server).</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>The scope of Graph tokens: the application permissions granted by admin consent.</summary>
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>How Graph calls retry: 429 and 503/504 wait for Retry-After (bounded), then back off.</summary>
    public ConnectorRetryOptions Retry { get; set; } = new();

    /// <summary>Roster sync from each linked organisation's Microsoft 365 group.</summary>
    public GraphRosterOptions Roster { get; set; } = new();

    /// <summary>Review meetings as Teams meeting events in the participants' calendars.</summary>
    public GraphCalendarOptions Calendar { get; set; } = new();

    /// <summary>Drafts and exports uploaded to SharePoint or OneDrive and shared by link.</summary>
    public GraphFilesOptions Files { get; set; } = new();

    /// <summary>Proactive installation of the Teams app for members who do not have it.</summary>
    public GraphInstallOptions Install { get; set; } = new();

    /// <summary>True when any Graph feature is configured.</summary>
    public bool AnyFeature => Roster.IsEnabled || Calendar.IsEnabled || Files.IsEnabled || Install.IsEnabled;

    /// <summary>Every bad key of the section, each naming it; <paramref name="isLocalMode"/>: no app id, so no Graph.</summary>
    public IEnumerable<string> Validate(bool isLocalMode)
    {
        const string Section = SectionName + ":";
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && !baseUri.IsLoopback))
        {
            yield return $"{Section}{nameof(BaseUrl)} must be an https address such as https://graph.microsoft.com/v1.0";
        }
        if (string.IsNullOrWhiteSpace(Scope))
        {
            yield return $"{Section}{nameof(Scope)} must be set, e.g. https://graph.microsoft.com/.default";
        }
        foreach (var problem in Retry.Validate($"{Section}{nameof(Retry)}"))
        {
            yield return problem;
        }
        foreach (var problem in Roster.Validate($"{Section}{nameof(Roster)}")
            .Concat(Calendar.Validate($"{Section}{nameof(Calendar)}"))
            .Concat(Files.Validate($"{Section}{nameof(Files)}"))
            .Concat(Install.Validate($"{Section}{nameof(Install)}")))
        {
            yield return problem;
        }
        if (isLocalMode && AnyFeature)
        {
            yield return $"{SectionName} features need the bot's app registration: set Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId, or remove the {SectionName} settings";
        }
    }
}
