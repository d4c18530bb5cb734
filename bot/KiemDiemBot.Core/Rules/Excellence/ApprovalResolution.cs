namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>The approval ballot's result: each candidate's decision, most approved first.</summary>
/// <param name="Decisions">One decision per candidate, by agree-votes, most first.</param>
/// <param name="SeatsForRevote">The HTXSNV places left for the re-vote among the tied candidates (0 when none).</param>
public sealed record ApprovalResolution(IReadOnlyList<ApprovalDecision> Decisions, int SeatsForRevote)
{
    public IReadOnlyList<Guid> Kept => Select(ApprovalOutcome.KeptExcellent);

    public IReadOnlyList<Guid> Tied => Select(ApprovalOutcome.Revote);

    public IReadOnlyList<Guid> FallToGood => Select(ApprovalOutcome.FallsToGood);

    public bool NeedsRevote => SeatsForRevote > 0;

    private List<Guid> Select(ApprovalOutcome outcome) =>
        Decisions.Where(d => d.Outcome == outcome).Select(d => d.SubjectId).ToList();
}
