namespace KiemDiemBot.Bot.Configuration;

/// <summary><c>Graph:Install</c>: installing the Teams app for members who have no chat with the bot yet.</summary>
public sealed class GraphInstallOptions
{
    /// <summary>
    /// The app's id in the organisation's app catalogue (<c>GET /appCatalogs/teamsApps?$filter=externalId eq '{manifest id}'</c>
    /// gives it after the package is uploaded); empty: proactive installation is off.
    /// </summary>
    public string? TeamsAppId { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(TeamsAppId);

    public IEnumerable<string> Validate(string section)
    {
        if (IsEnabled && !Guid.TryParse(TeamsAppId, out _))
        {
            yield return $"{section}:{nameof(TeamsAppId)} must be the app catalogue's id for the app, a GUID";
        }
    }
}
