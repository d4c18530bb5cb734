namespace KiemDiemBot.Cards;

/// <summary>What the ballot paper's download card needs: which paper, the file's name, the link and how long it works.</summary>
public sealed record BallotPaperDownloadCardInput(BallotPaperRequest Request, string FileName, Uri DownloadUrl, int ValidMinutes);
