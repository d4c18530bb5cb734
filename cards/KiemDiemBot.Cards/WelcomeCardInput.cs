namespace KiemDiemBot.Cards;

/// <summary>What the welcome card needs: the member's display name, when the channel gave one.</summary>
public sealed record WelcomeCardInput(string? MemberName);
