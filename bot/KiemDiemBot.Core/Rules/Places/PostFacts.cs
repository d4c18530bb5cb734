namespace KiemDiemBot.Core.Rules.Places;

/// <summary>One leadership or management post a member holds: the body and the role in it.</summary>
public sealed record PostFacts(BodyFacts Body, PostRole Role);
