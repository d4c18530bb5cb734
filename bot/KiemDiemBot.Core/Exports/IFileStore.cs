namespace KiemDiemBot.Core.Exports;

/// <summary>Where a file goes: the organisation's folder in the configured document library, or a member's OneDrive.</summary>
/// <param name="OrganisationCode">The organisation's code, its folder under the configured one; null for a OneDrive.</param>
/// <param name="OneDriveOwner">The Entra object id of the member whose OneDrive holds the file; null for the library.</param>
public sealed record FileLocation(string? OrganisationCode, Guid? OneDriveOwner)
{
    public static FileLocation Organisation(string code) => new(code, null);

    public static FileLocation OneDrive(Guid objectId) => new(null, objectId);
}

/// <summary>A file as the store holds it: the drive, the item and the address people open (sign-in required).</summary>
public sealed record StoredFileItem(string DriveId, string ItemId, string WebUrl);

/// <summary>Someone a file is shared with: by Entra object id when known, else by e-mail.</summary>
public sealed record FileRecipient(Guid? ObjectId, string? Email);

/// <summary>
/// The organisation's file store (the host's adapter over Microsoft Graph: a SharePoint document library and the
/// members' OneDrives). Transient failures (throttling, outages) are retried inside and then thrown.
/// </summary>
public interface IFileStore
{
    /// <summary>A member's own export (their self-review) goes to their OneDrive rather than the organisation's folder.</summary>
    bool PersonalExportsToOneDrive { get; }

    /// <summary>Uploads <paramref name="content"/> as <paramref name="fileName"/> in <paramref name="location"/>, replacing a file of that name.</summary>
    Task<StoredFileItem> UploadAsync(FileLocation location, string fileName, byte[] content, CancellationToken cancellationToken);

    /// <summary>Replaces the content of an uploaded item in place (same item, same link); null when the item is gone.</summary>
    Task<StoredFileItem?> ReplaceAsync(string driveId, string itemId, byte[] content, CancellationToken cancellationToken);

    /// <summary>
    /// Gives <paramref name="recipients"/> read access to the item (sign-in required, no e-mail sent); answers how many
    /// the store granted. Granting someone who already has access changes nothing.
    /// </summary>
    Task<int> ShareAsync(string driveId, string itemId, IReadOnlyCollection<FileRecipient> recipients, CancellationToken cancellationToken);
}
