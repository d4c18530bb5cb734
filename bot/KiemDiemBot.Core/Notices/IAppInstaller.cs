namespace KiemDiemBot.Core.Notices;

/// <summary>The store's answer to installing the app for one user: Installed, AlreadyInstalled or Failed (with a short reason).</summary>
/// <param name="Error">For a failure: the status code and the service's error code, e.g. "403 Forbidden"; never personal data.</param>
public sealed record AppInstallResult(AppInstallStatus Status, string? Error = null);

/// <summary>
/// Installs the Teams app in a user's personal scope (the host's adapter over Microsoft Graph). A refusal for good
/// (no such user, no licence, app blocked) is answered as <see cref="AppInstallStatus.Failed"/>; a transient failure
/// (throttling, an outage, after the adapter's retries) is thrown.
/// </summary>
public interface IAppInstaller
{
    Task<AppInstallResult> InstallAsync(Guid userObjectId, CancellationToken cancellationToken);
}
