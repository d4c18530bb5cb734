namespace KiemDiemBot.Core.Exports;

/// <summary>Which document is shared.</summary>
public enum SharedExportKind
{
    /// <summary>The minutes (.docx) of a closed ballot's meeting; subject = the ballot.</summary>
    Minutes = 0,

    /// <summary>A body's ranking list (.xlsx) in a cycle; subject = the cycle, body = the organisation.</summary>
    RankingList = 1,

    /// <summary>A member's self-review (.docx); subject = the review.</summary>
    SelfReview = 2,
}

/// <summary>A document to put in the organisation's files (or a OneDrive) for <paramref name="RequesterId"/>.</summary>
/// <param name="BodyId">The organisation of a ranking list; null for the other kinds.</param>
/// <param name="RequesterId">The member who asked: they get the link and may always read the file.</param>
public sealed record ExportShareRequest(SharedExportKind Kind, Guid SubjectId, Guid? BodyId, Guid RequesterId)
{
    /// <summary>The stable key of the file in <c>shared_files</c>: one file per kind and subject.</summary>
    public (string Kind, string Subject) Key => Kind switch
    {
        SharedExportKind.Minutes => ("minutes", SubjectId.ToString("N")),
        SharedExportKind.RankingList => ("ranking-list", SubjectId.ToString("N") + ":" + BodyId.GetValueOrDefault().ToString("N")),
        _ => ("self-review", SubjectId.ToString("N")),
    };
}

/// <summary>What sharing came to.</summary>
/// <param name="Uploaded">False when the stored file already had these bytes (nothing uploaded).</param>
/// <param name="Replaced">The file existed with other bytes: its content was replaced in place, its link kept.</param>
/// <param name="SharedWith">How many people may read it.</param>
/// <param name="InOneDrive">In the owner's OneDrive rather than the organisation's folder.</param>
public sealed record SharedExport(string FileName, string WebUrl, bool Uploaded, bool Replaced, int SharedWith, bool InOneDrive);

/// <summary>
/// Puts a draft or export into the organisation's files and shares it by link with the people who may read it: a
/// ballot's minutes and a body's ranking list with the body's participants (its ballots' attendance lists) and the
/// secretary who asked; a self-review with its member (and the secretary who asked for it). One file per kind and
/// subject: exported again, its content is replaced in place and its link kept; unchanged bytes are not uploaded.
/// Stages the <c>shared_files</c> row for the caller's commit.
/// </summary>
public interface IExportSharing
{
    /// <summary>The shared file; null when the document does not exist (no such closed ballot, review, body).</summary>
    Task<SharedExport?> ShareAsync(ExportShareRequest request, CancellationToken cancellationToken);
}

/// <summary>Hands an <see cref="ExportShareRequest"/> to a background job (the scheduler's), which sends the link when done.</summary>
public interface IExportShareQueue
{
    /// <param name="requestId">Names this request: a retried job sends its link once.</param>
    void Enqueue(ExportShareRequest request, Guid requestId);
}
