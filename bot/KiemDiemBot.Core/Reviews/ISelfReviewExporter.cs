namespace KiemDiemBot.Core.Reviews;

/// <summary>A file ready to hand to a member: its name as they will see it, its media type and its bytes.</summary>
public sealed record ExportedFile(string FileName, string ContentType, byte[] Content);

/// <summary>Writes a self-review as a .docx in the layout of the 2022 Mẫu 02.</summary>
public interface ISelfReviewExporter
{
    /// <summary>The review's current version as a .docx; null when the review does not exist.</summary>
    Task<ExportedFile?> ExportAsync(Guid reviewId, CancellationToken cancellationToken);
}
