namespace KiemDiemBot.Cards;

/// <summary>What replaces a voter's ballot card once it is counted: the body and round only, never a choice.</summary>
public sealed record BallotCastCardInput(string BodyName, int Round);
