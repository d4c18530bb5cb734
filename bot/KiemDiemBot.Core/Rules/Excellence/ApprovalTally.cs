namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>The anonymous tally of one HTXSNV candidate on the approval ballot (Đồng ý / Không đồng ý).</summary>
public sealed record ApprovalTally(Guid SubjectId, int Agree, int Disagree);
