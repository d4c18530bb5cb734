namespace KiemDiemBot.Cards;

/// <summary>What the download card needs: the review's year, the file's name, the link and how long it works.</summary>
public sealed record FileDownloadCardInput(int Year, string FileName, Uri DownloadUrl, int ValidMinutes);
