using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Core.Exports;

/// <summary>The papers a ballot leaves for the secretary: the minutes (biên bản) and the ranking list with its statistics.</summary>
public interface IBallotExporter
{
    /// <summary>
    /// The minutes of the meeting a closed ballot belongs to, as .docx: the body, time and place, attendance
    /// (summoned, present, absent, exempt, probationary), every round's tallies per subject (paper tallies marked),
    /// the adopted levels, the approval ballot and any tie dropped to HTTNV. Null when there is no such closed ballot.
    /// </summary>
    Task<ExportedFile?> MinutesAsync(Guid ballotId, CancellationToken cancellationToken);

    /// <summary>
    /// The ranking list (danh sách xếp loại) under an organisation as .xlsx: one sheet listing each ranked subject
    /// with cell and level, one with the statistics per level and subject type (counts and percentages), one with
    /// the members not ranked and why.
    /// </summary>
    Task<ExportedFile> RankingListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken);
}
