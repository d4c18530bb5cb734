using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>A DangVien row as read; a value that could not be read is null (its error is already reported).</summary>
internal sealed record MemberRow(string Sheet, int Line, string Code, string FullName)
{
    public string? Email { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? CellCode { get; init; }
    public string? TemporaryCellCode { get; init; }
    public MembershipKind? Membership { get; init; }
    public DateOnly? AdmittedOn { get; init; }
    public MemberStatus? Status { get; init; }
    public DisciplineSeverity? Discipline { get; init; }
    public DateOnly? DisciplinedOn { get; init; }
    public bool? DisciplineAlreadyCounted { get; init; }
    public bool? LongSickLeave { get; init; }
    public bool? IsCivilServant { get; init; }
}
