namespace KiemDiemBot.Cards.Tests;

/// <summary>What one run of the Node validator reported: its exit code, its events and its stderr.</summary>
public sealed record CardValidationResult(int ExitCode, IReadOnlyList<CardValidationEvent> Events, string StandardError)
{
    public IEnumerable<CardValidationEvent> Errors => Events.Where(e => e.IsError);
}
