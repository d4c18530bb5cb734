namespace KiemDiemBot.Core.Cycles;

/// <summary>A cycle-wide deadline: finish before <see cref="DueBefore"/>.</summary>
internal sealed class CycleDeadline
{
    public Guid CycleId { get; set; }

    public DeadlineKind Kind { get; set; }

    public DateOnly DueBefore { get; set; }
}
