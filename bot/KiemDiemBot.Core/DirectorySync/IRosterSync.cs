namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// Roster sync from Microsoft 365 groups: an organisation linked to a group, and rounds that merge the group's people
/// into the roster by Entra object id or e-mail. Changes are staged; the caller commits (<c>IUnitOfWork</c>).
/// </summary>
public interface IRosterSync
{
    /// <summary>
    /// Links the organisation with this code to the group (replacing an earlier link; the next round is a full one).
    /// </summary>
    Task<RosterSyncLinkResult> LinkAsync(string organisationCode, string groupId, CancellationToken cancellationToken);

    /// <summary>Every linked organisation, by code.</summary>
    Task<IReadOnlyList<RosterSyncLink>> ListLinksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// One round for the linked organisation: a delta round from the last link when there is one (a full round when the
    /// directory refuses it), else a full round. Null when the organisation is not linked.
    /// </summary>
    Task<RosterSyncReport?> SyncAsync(Guid organisationId, CancellationToken cancellationToken);
}

/// <summary>A linked organisation.</summary>
public sealed record RosterSyncLink(Guid OrganisationId, string OrganisationCode, string OrganisationName, string GroupId, DateTimeOffset? LastSyncedAt);

/// <summary>How a link request ended.</summary>
public enum RosterSyncLinkOutcome
{
    Linked,
    OrganisationNotFound,
    GroupNotFound,
}

/// <summary>The link request's outcome, with the names to show.</summary>
public sealed record RosterSyncLinkResult(RosterSyncLinkOutcome Outcome, string? OrganisationName = null, string? GroupName = null);
