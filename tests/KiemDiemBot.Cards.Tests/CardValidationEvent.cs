namespace KiemDiemBot.Cards.Tests;

/// <summary>One parse or validation event reported by the adaptivecards library (see node/validate-cards.mjs).</summary>
public sealed record CardValidationEvent(
    string File,
    string Phase,
    string Event,
    string Severity,
    string Message,
    string? Source)
{
    public bool IsError => Severity == "error";
}
