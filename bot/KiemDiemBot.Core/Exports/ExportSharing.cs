using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Exports;

internal sealed class ExportSharing(
    KiemDiemDbContext db,
    IBallotExporter ballots,
    ISelfReviewExporter reviews,
    IFileStore store,
    TimeProvider clock) : IExportSharing
{
    public async Task<SharedExport?> ShareAsync(ExportShareRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var target = await TargetAsync(request, cancellationToken);
        if (target is null)
        {
            return null;
        }
        var (kind, subject) = request.Key;
        var hash = ExportContentHash.Of(target.File.Content);
        var now = clock.GetUtcNow();
        var row = await db.SharedFiles.FirstOrDefaultAsync(f => f.Kind == kind && f.SubjectKey == subject, cancellationToken);
        var uploaded = false;
        var replaced = false;
        if (row is null)
        {
            var item = await store.UploadAsync(target.Location, target.File.FileName, target.File.Content, cancellationToken);
            row = new SharedFile
            {
                Id = Guid.NewGuid(),
                Kind = kind,
                SubjectKey = subject,
                OrganisationId = target.OrganisationId,
                OwnerMemberId = target.OwnerMemberId,
                DriveId = item.DriveId,
                ItemId = item.ItemId,
                WebUrl = item.WebUrl,
                ContentHash = hash,
                UploadedAt = now,
            };
            db.SharedFiles.Add(row);
            uploaded = true;
        }
        else if (row.ContentHash != hash)
        {
            // Replaced in place: the same item keeps its link and its permissions. Deleted from the library
            // meanwhile: uploaded afresh and shared again.
            var item = await store.ReplaceAsync(row.DriveId, row.ItemId, target.File.Content, cancellationToken);
            if (item is null)
            {
                item = await store.UploadAsync(target.Location, target.File.FileName, target.File.Content, cancellationToken);
                row.SharedWithCount = 0;
                row.SharedAt = null;
            }
            row.DriveId = item.DriveId;
            row.ItemId = item.ItemId;
            row.WebUrl = item.WebUrl;
            row.ContentHash = hash;
            row.UploadedAt = now;
            uploaded = true;
            replaced = true;
        }

        // The owner of a OneDrive reads their own files: only the others are invited.
        var recipients = target.Recipients
            .Where(r => target.Location.OneDriveOwner is not { } owner || r.ObjectId != owner)
            .ToList();
        if (recipients.Count > 0 && (row.SharedAt is null || row.SharedWithCount != recipients.Count))
        {
            // Invitations add to what the item already grants, so sharing again after the audience grew is harmless.
            row.SharedWithCount = await store.ShareAsync(row.DriveId, row.ItemId, recipients, cancellationToken);
            row.SharedAt = now;
        }
        var sharedWith = target.Location.OneDriveOwner is null ? row.SharedWithCount : row.SharedWithCount + 1;
        return new SharedExport(target.File.FileName, row.WebUrl, uploaded, replaced, sharedWith, target.Location.OneDriveOwner is not null);
    }

    private async Task<Target?> TargetAsync(ExportShareRequest request, CancellationToken cancellationToken)
    {
        switch (request.Kind)
        {
            case SharedExportKind.Minutes:
            {
                var ballot = await db.Ballots.AsNoTracking()
                    .Where(b => b.Id == request.SubjectId)
                    .Select(b => new { b.Id, b.BodyId })
                    .FirstOrDefaultAsync(cancellationToken);
                var file = ballot is null ? null : await ballots.MinutesAsync(ballot.Id, cancellationToken);
                if (ballot is null || file is null || await CodeAsync(ballot.BodyId, cancellationToken) is not { } code)
                {
                    return null;
                }
                var voters = await db.BallotVoters.AsNoTracking().Where(v => v.BallotId == ballot.Id).Select(v => v.MemberId).ToListAsync(cancellationToken);
                return new Target(file, FileLocation.Organisation(code), ballot.BodyId, null, await RecipientsAsync([.. voters, request.RequesterId], cancellationToken));
            }
            case SharedExportKind.RankingList:
            {
                if (request.BodyId is not { } bodyId || await CodeAsync(bodyId, cancellationToken) is not { } code)
                {
                    return null;
                }
                var file = await ballots.RankingListAsync(request.SubjectId, bodyId, cancellationToken);
                var participants = await db.BallotVoters.AsNoTracking()
                    .Join(db.Ballots.Where(b => b.CycleId == request.SubjectId && b.BodyId == bodyId), v => v.BallotId, b => b.Id, (v, _) => v.MemberId)
                    .Distinct()
                    .ToListAsync(cancellationToken);
                return new Target(file, FileLocation.Organisation(code), bodyId, null, await RecipientsAsync([.. participants, request.RequesterId], cancellationToken));
            }
            default:
            {
                var owner = await db.SelfReviews.AsNoTracking()
                    .Where(r => r.Id == request.SubjectId)
                    .Join(db.Members, r => r.MemberId, m => m.Id, (_, m) => new { m.Id, m.EntraObjectId, m.OfficialCellId })
                    .FirstOrDefaultAsync(cancellationToken);
                var file = owner is null ? null : await reviews.ExportAsync(request.SubjectId, cancellationToken);
                if (owner is null || file is null)
                {
                    return null;
                }
                var recipients = await RecipientsAsync([owner.Id, request.RequesterId], cancellationToken);
                if (store.PersonalExportsToOneDrive && owner.EntraObjectId is { } objectId)
                {
                    return new Target(file, FileLocation.OneDrive(objectId), null, owner.Id, recipients);
                }
                return await CodeAsync(owner.OfficialCellId, cancellationToken) is { } code
                    ? new Target(file, FileLocation.Organisation(code), owner.OfficialCellId, null, recipients)
                    : null;
            }
        }
    }

    private Task<string?> CodeAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => (string?)o.Code).FirstOrDefaultAsync(cancellationToken);

    /// <summary>The members who can be named to the store (an Entra object id or an e-mail); the others cannot sign in to read it.</summary>
    private async Task<List<FileRecipient>> RecipientsAsync(List<Guid> memberIds, CancellationToken cancellationToken)
    {
        var ids = memberIds.Distinct().ToList();
        var members = await db.Members.AsNoTracking()
            .Where(m => ids.Contains(m.Id) && (m.EntraObjectId != null || m.Email != null))
            .Select(m => new { m.Id, m.EntraObjectId, m.Email })
            .ToListAsync(cancellationToken);
        return [.. members.OrderBy(m => m.Id).Select(m => new FileRecipient(m.EntraObjectId, m.EntraObjectId is null ? m.Email : null))];
    }

    private sealed record Target(ExportedFile File, FileLocation Location, Guid? OrganisationId, Guid? OwnerMemberId, List<FileRecipient> Recipients);
}
