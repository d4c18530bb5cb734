namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// The organisation's directory (Microsoft 365 groups), implemented by the host over Microsoft Graph. Reads only;
/// every failure other than an expired delta link is the caller's to report.
/// </summary>
public interface IDirectoryGroupSource
{
    /// <summary>The group's display name, or null when there is no such group.</summary>
    Task<string?> FindGroupAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>Every user in the group (all pages), and a delta link from which the next round reads only changes.</summary>
    Task<DirectoryFullRead> ReadMembersAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>What changed since <paramref name="deltaLink"/> (all pages), and the link for the round after.</summary>
    /// <exception cref="DirectoryDeltaExpiredException">The directory no longer knows that link: read everything again.</exception>
    Task<DirectoryDeltaRead> ReadChangesAsync(string groupId, string deltaLink, CancellationToken cancellationToken);
}

/// <summary>A user as the directory gives them.</summary>
/// <param name="Mail">The mailbox address, if any.</param>
/// <param name="UserPrincipalName">The sign-in name (often the same address).</param>
public sealed record DirectoryUser(Guid ObjectId, string DisplayName, string? Mail, string? UserPrincipalName, string? JobTitle);

/// <summary>A full read of a group.</summary>
public sealed record DirectoryFullRead(IReadOnlyList<DirectoryUser> Members, string DeltaLink);

/// <summary>
/// One delta round: users who joined the group (with their details), users who left it or whose account was
/// deleted, and changes to users' details (only the properties given changed; the user may not be in the group).
/// </summary>
public sealed record DirectoryDeltaRead(
    IReadOnlyList<DirectoryUser> Joined,
    IReadOnlyList<Guid> Left,
    IReadOnlyList<DirectoryUserChange> Changed,
    string DeltaLink);

/// <summary>A user's changed details: a null property did not change; a <see cref="DirectoryValue"/> holds the new value (itself possibly null: cleared).</summary>
public sealed record DirectoryUserChange(Guid ObjectId, DirectoryValue? DisplayName, DirectoryValue? Mail, DirectoryValue? UserPrincipalName, DirectoryValue? JobTitle);

/// <summary>A property's new value as the directory reported it.</summary>
public sealed record DirectoryValue(string? Value);

/// <summary>The directory refused a delta link (expired or unknown sync state): only a full read can continue.</summary>
public sealed class DirectoryDeltaExpiredException : Exception
{
    public DirectoryDeltaExpiredException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
