namespace KiemDiemBot.Core.Audit;

/// <summary>The names of the audited fields.</summary>
public static class AuditFields
{
    public const string CycleCreated = "cycle.created";
    public const string CycleRuleSet = "cycle.rule-set";
    public const string CycleCalendar = "cycle.calendar";

    /// <summary>The Entra object id linked to a member when they were first recognised in Teams.</summary>
    public const string MemberEntraObjectId = "member.entra-object-id";

    /// <summary>A cycle-wide deadline, e.g. "cycle.deadline.CellReview".</summary>
    public static string CycleDeadline(Cycles.DeadlineKind kind) => "cycle.deadline." + kind;

    /// <summary>A committee's own deadline, e.g. "cycle.committee-deadline.CellReview".</summary>
    public static string CommitteeDeadline(Cycles.DeadlineKind kind) => "cycle.committee-deadline." + kind;
}
