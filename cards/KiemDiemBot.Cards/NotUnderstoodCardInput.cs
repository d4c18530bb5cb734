namespace KiemDiemBot.Cards;

/// <summary>What the "not understood" card needs: the member's display name, when the channel gave one.</summary>
public sealed record NotUnderstoodCardInput(string? MemberName);
