namespace KiemDiemBot.Cards;

/// <summary>The secretary's confirmation of a re-ranking: the subject, from and to, the reason, and whether the member was reached.</summary>
public sealed record ReRankedCardInput(string Name, string FromLevel, string ToLevel, string Reason, bool MemberTold);
