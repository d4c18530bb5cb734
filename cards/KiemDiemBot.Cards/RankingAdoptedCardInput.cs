namespace KiemDiemBot.Cards;

/// <summary>What the deciding body adopted: each ranking by cell, and the totals per level (best first).</summary>
public sealed record RankingAdoptedCardInput(string BodyName, IReadOnlyList<RankingAdoptedRow> Rankings, IReadOnlyList<RankingLevelTotal> Totals);

/// <summary>One adopted ranking: the subject, its cell, the level's name, and whether the approval ballot dropped it to HTTNV.</summary>
public sealed record RankingAdoptedRow(string Name, string CellName, string Level, bool DroppedByApproval);

/// <summary>How many were adopted at a level.</summary>
public sealed record RankingLevelTotal(string Level, int Count);
