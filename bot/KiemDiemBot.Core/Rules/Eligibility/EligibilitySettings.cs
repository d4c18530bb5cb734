namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>The parts of "who is reviewed and ranked" that change between rule sets.</summary>
/// <param name="NewMemberPolicy">What a recently admitted member does.</param>
/// <param name="NewMemberMonths">How long after admission a member counts as new (6 under HD21).</param>
public sealed record EligibilitySettings(NewMemberPolicy NewMemberPolicy, int NewMemberMonths);
