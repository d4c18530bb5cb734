namespace KiemDiemBot.Cards;

/// <summary>What Teams' file consent card for a ballot paper needs: which paper (carried back as the context) and the file's size.</summary>
public sealed record BallotPaperConsentCardInput(BallotPaperRequest Request, long SizeInBytes);
