namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// The <c>Operators</c> section: who may see the jobs dashboard and the operator page (Entra sign-in, OpenID
/// Connect, limited to one group), and where telemetry goes. Off until configured; in local mode the pages are
/// served to the local user without sign-in.
/// </summary>
public sealed class OperatorsOptions
{
    public const string SectionName = "Operators";

    /// <summary>The Entra app that signs operators in (may be the bot's own registration); empty: no sign-in, so no operator pages outside local mode.</summary>
    public string? ClientId { get; set; }

    /// <summary>Its client secret; from environment variables or user secrets only.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The tenant operators sign in to; empty: <c>Bot:MicrosoftAppTenantId</c>.</summary>
    public string? TenantId { get; set; }

    /// <summary>Where operators sign in (tests point it at a fake OpenID provider on loopback, the only place plain http is accepted).</summary>
    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>
    /// The Entra group (object id) whose members are operators; everyone else is refused. The app registration must
    /// emit group ids in the id token (Token configuration, groups claim: "Groups assigned to the application" or
    /// "Security groups", as object ids); a token with the groups-overage claim instead (a user in too many groups) is
    /// refused with a page saying so, never admitted.
    /// </summary>
    public string? AllowedGroupId { get; set; }

    /// <summary>The OTLP endpoint traces and metrics are exported to (e.g. http://localhost:4317); empty: none exported.</summary>
    public string? OtlpEndpoint { get; set; }

    public bool IsSignInConfigured => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Every bad key of the section, each naming it.</summary>
    public IEnumerable<string> Validate(string? botTenantId)
    {
        const string Section = SectionName + ":";
        if (IsSignInConfigured)
        {
            if (!Guid.TryParse(ClientId, out _))
            {
                yield return $"{Section}{nameof(ClientId)} must be an app id, a GUID";
            }
            if (string.IsNullOrWhiteSpace(ClientSecret))
            {
                yield return $"{Section}{nameof(ClientSecret)} must be set (environment variable Operators__ClientSecret) when {Section}{nameof(ClientId)} is set";
            }
            if (string.IsNullOrWhiteSpace(TenantId) && string.IsNullOrWhiteSpace(botTenantId))
            {
                yield return $"{Section}{nameof(TenantId)} must be set when {Section}{nameof(ClientId)} is set and Bot:MicrosoftAppTenantId is not";
            }
            if (!Guid.TryParse(AllowedGroupId, out _))
            {
                yield return $"{Section}{nameof(AllowedGroupId)} must be the operators' Entra group id, a GUID, when {Section}{nameof(ClientId)} is set";
            }
        }
        if (!string.IsNullOrWhiteSpace(TenantId) && !Guid.TryParse(TenantId, out _))
        {
            yield return $"{Section}{nameof(TenantId)} must be a tenant id, a GUID";
        }
        if (!Uri.TryCreate(Instance, UriKind.Absolute, out var instance) || (instance.Scheme != Uri.UriSchemeHttps && !instance.IsLoopback))
        {
            yield return $"{Section}{nameof(Instance)} must be an https address such as https://login.microsoftonline.com/";
        }
        if (!string.IsNullOrWhiteSpace(OtlpEndpoint)
            && (!Uri.TryCreate(OtlpEndpoint, UriKind.Absolute, out var otlp) || (otlp.Scheme != Uri.UriSchemeHttp && otlp.Scheme != Uri.UriSchemeHttps)))
        {
            yield return $"{Section}{nameof(OtlpEndpoint)} must be an http or https address such as http://localhost:4317";
        }
    }
}
