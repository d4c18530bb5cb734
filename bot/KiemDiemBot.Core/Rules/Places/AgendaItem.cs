namespace KiemDiemBot.Core.Rules.Places;

/// <summary>One review on a meeting's agenda, with who chairs it.</summary>
/// <param name="Kind">Collective or individual.</param>
/// <param name="SubjectId">The body for a collective item, the member for an individual one.</param>
/// <param name="ChairIds">Who chairs this item; empty when the secretary must assign someone.</param>
/// <param name="ChairNote">Why the chairs differ from the meeting's, or why none could be found.</param>
public sealed record AgendaItem(AgendaItemKind Kind, Guid SubjectId, IReadOnlyList<Guid> ChairIds, RuleReason? ChairNote)
{
    public bool NeedsChairAssignment => ChairIds.Count == 0;
}
