namespace KiemDiemBot.Cards;

/// <summary>What the ballot paper's result card needs: which paper, and how the offer ended.</summary>
public sealed record BallotPaperOfferResultCardInput(BallotPaperRequest Request, FileOfferResult Result);
