namespace KiemDiemBot.Cards;

/// <summary>What the file card needs: the OneDrive item's id and the file's type (e.g. docx), as Teams gave them.</summary>
public sealed record FileInfoCardInput(string UniqueId, string FileType);
