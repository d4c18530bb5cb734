namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>The approval ballot's decision for one candidate, with the reason they read.</summary>
public sealed record ApprovalDecision(Guid SubjectId, int Agree, ApprovalOutcome Outcome, RuleReason Reason);
