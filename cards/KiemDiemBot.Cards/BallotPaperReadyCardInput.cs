namespace KiemDiemBot.Cards;

/// <summary>What the personal-chat card about a paper asked for in a group chat needs: which paper, and the body it is of.</summary>
public sealed record BallotPaperReadyCardInput(BallotPaperRequest Request, string BodyName, int Year);
