using System.Text.RegularExpressions;

namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// <c>Bot:TeamsApp</c>: what the Teams app package (the <c>package</c> command) says about its publisher, and its
/// version. Every key has a default; the links default to the bot's own address (<c>https://Bot:PublicHostName/</c>).
/// </summary>
public sealed partial class TeamsAppOptions
{
    /// <summary>Teams' limit on the developer's name in the manifest.</summary>
    public const int MaxDeveloperNameLength = 32;

    /// <summary>The package's version (MAJOR.MINOR.PATCH); raise it before uploading a changed package.</summary>
    public string Version { get; set; } = "1.0.0";

    /// <summary>The publisher shown in Teams (at most 32 characters); empty: the project's own name.</summary>
    public string? DeveloperName { get; set; }

    /// <summary>The publisher's page (https); empty: the bot's address.</summary>
    public string? WebsiteUrl { get; set; }

    /// <summary>The privacy statement (https); empty: the bot's address.</summary>
    public string? PrivacyUrl { get; set; }

    /// <summary>The terms of use (https); empty: the bot's address.</summary>
    public string? TermsOfUseUrl { get; set; }

    /// <summary>Every bad key under <paramref name="section"/>, each as one sentence naming it.</summary>
    public IEnumerable<string> Validate(string section)
    {
        if (!SemanticVersion().IsMatch(Version ?? string.Empty))
        {
            yield return $"{section}:{nameof(Version)} must be a version such as 1.0.0 (MAJOR.MINOR.PATCH)";
        }
        if (DeveloperName is { Length: > MaxDeveloperNameLength })
        {
            yield return $"{section}:{nameof(DeveloperName)} must be at most {MaxDeveloperNameLength} characters";
        }
        foreach (var (key, url) in new[] { (nameof(WebsiteUrl), WebsiteUrl), (nameof(PrivacyUrl), PrivacyUrl), (nameof(TermsOfUseUrl), TermsOfUseUrl) })
        {
            if (!string.IsNullOrWhiteSpace(url)
                && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps))
            {
                yield return $"{section}:{key} must be an absolute https URL";
            }
        }
    }

    [GeneratedRegex(@"^(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})\.(0|[1-9][0-9]{0,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex SemanticVersion();
}
