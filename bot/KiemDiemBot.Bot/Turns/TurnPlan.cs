using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Turns;

/// <summary>What a turn runs, in this order: the welcome, one dialog, the fallback.</summary>
public sealed record TurnPlan(bool Welcome, IDialog? Dialog, bool Fallback)
{
    public static TurnPlan Nothing { get; } = new(false, null, false);

    public static TurnPlan WelcomeOnly { get; } = new(true, null, false);

    public static TurnPlan FallbackOnly { get; } = new(false, null, true);

    public bool IsEmpty => !Welcome && Dialog is null && !Fallback;
}
