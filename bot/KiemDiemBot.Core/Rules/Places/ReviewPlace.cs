namespace KiemDiemBot.Core.Rules.Places;

/// <summary>One body before which a member reviews, what the review there is about, and why there.</summary>
public sealed record ReviewPlace(BodyFacts Body, ReviewFocus Focus, RuleReason Reason);
