namespace KiemDiemBot.Core.Notices;

/// <summary>What one installation step did.</summary>
public enum AppInstallStep
{
    /// <summary>Nothing to do: already installed, already failed for good, reachable now, or no object id.</summary>
    Skipped = 0,

    Installed = 1,

    AlreadyInstalled = 2,

    Failed = 3,

    /// <summary>A transient failure: recorded with the attempt, to be tried again by a later run.</summary>
    Retry = 4,
}

/// <summary>A member the app could not be installed for, for their cell's secretary.</summary>
/// <param name="Reason">The short technical reason recorded (status code, error code).</param>
public sealed record AppInstallFailure(Guid MemberId, string FullName, string? Reason);

/// <summary>
/// Proactive installation of the Teams app for members the bot cannot reach (no personal chat with it) and who have
/// an Entra object id: once Teams has installed it, it tells the bot about the new personal chat, which is recorded
/// like any other, so later messages reach them. One <c>app_installations</c> row per member records the outcome,
/// so a run repeated or retried never installs twice. Stages changes for the caller's commit.
/// </summary>
public interface IAppInstallations
{
    /// <summary>Active members with an Entra object id, no personal chat with the bot, and no installation done or failed for good.</summary>
    Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken);

    /// <summary>Installs the app for one member unless their row says it is done (or they became reachable meanwhile).</summary>
    Task<AppInstallStep> InstallAsync(Guid memberId, CancellationToken cancellationToken);

    /// <summary>The members of each official cell the app could not be installed for, by cell, in name order.</summary>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<AppInstallFailure>>> FailuresByCellAsync(CancellationToken cancellationToken);
}
