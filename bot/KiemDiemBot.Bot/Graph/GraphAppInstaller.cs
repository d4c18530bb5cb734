using System.Globalization;
using System.Net;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Notices;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// <c>POST /users/{objectId}/teamwork/installedApps</c> with <c>teamsApp@odata.bind</c> =
/// <c>{Graph:BaseUrl}/appCatalogs/teamsApps/{Graph:Install:TeamsAppId}</c>: 201 installed, 409 already installed;
/// 400/403/404 refused for good (no such user, no Teams licence, the app blocked by policy), recorded with the status
/// and Graph's error code; throttling and outages past the retry handler's bounds are thrown as transient.
/// Teams then sends the bot an installationUpdate in the new personal chat, which the turn pipeline records.
/// </summary>
internal sealed partial class GraphAppInstaller(GraphServiceClient graph, GraphOptions options, ILogger<GraphAppInstaller> logger) : IAppInstaller
{
    public async Task<AppInstallResult> InstallAsync(Guid userObjectId, CancellationToken cancellationToken)
    {
        var installation = new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{options.Install.TeamsAppId}",
            },
        };
        try
        {
            await graph.Users[userObjectId.ToString("D")].Teamwork.InstalledApps.PostAsync(installation, cancellationToken: cancellationToken).ConfigureAwait(false);
            Installed(logger, userObjectId);
            return new AppInstallResult(AppInstallStatus.Installed);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Conflict)
        {
            AlreadyInstalled(logger, userObjectId);
            return new AppInstallResult(AppInstallStatus.AlreadyInstalled);
        }
        catch (ODataError error) when (error.ResponseStatusCode is 400 or 403 or 404)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"{error.ResponseStatusCode} {error.Error?.Code}").Trim();
            Refused(logger, userObjectId, error.ResponseStatusCode, error.Error?.Code);
            return new AppInstallResult(AppInstallStatus.Failed, reason);
        }
        catch (ODataError error)
        {
            throw new HttpRequestException($"Graph answered {error.ResponseStatusCode} to an app installation.", error, (HttpStatusCode)error.ResponseStatusCode);
        }
    }

    [LoggerMessage(EventId = 5301, Level = LogLevel.Information, Message = "Teams app installed for user {ObjectId}")]
    private static partial void Installed(ILogger logger, Guid objectId);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Information, Message = "Teams app already installed for user {ObjectId}")]
    private static partial void AlreadyInstalled(ILogger logger, Guid objectId);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Warning, Message = "Teams app installation for user {ObjectId} refused: {Status} {Code}")]
    private static partial void Refused(ILogger logger, Guid objectId, int status, string? code);
}
