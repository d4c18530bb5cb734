namespace KiemDiemBot.Cards;

/// <summary>What a member is told when their decided ranking is re-ranked: who decided, the year, from and to, and why.</summary>
public sealed record RankingChangedCardInput(string BodyName, int Year, string FromLevel, string ToLevel, string Reason);
