using KiemDiemBot.Core.Organisations;

namespace KiemDiemBot.Core.Cycles;

/// <summary>A committee's own date for a deadline, binding it and every organisation under it.</summary>
internal sealed class CommitteeDeadline
{
    public Guid CycleId { get; set; }

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public DeadlineKind Kind { get; set; }

    public DateOnly DueBefore { get; set; }
}
