namespace KiemDiemBot.Cards;

/// <summary>What the file consent card needs: the review's year, the file's size, and the ids it carries back.</summary>
public sealed record FileConsentCardInput(int Year, long SizeInBytes, FileConsentContext Context);
