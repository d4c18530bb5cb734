namespace KiemDiemBot.TurnBench;

/// <summary>How one turn ended for the member.</summary>
internal enum TurnOutcome
{
    /// <summary>Answered as a member expects.</summary>
    Answered,

    /// <summary>Answered, but not with what the member expected (e.g. an out-of-date notice): the pipeline misbehaved.</summary>
    Unexpected,

    /// <summary>Refused, or no answer in time.</summary>
    Failed,
}

/// <summary>
/// One turn, in <see cref="System.Diagnostics.Stopwatch"/> timestamps: from the start of the POST until it was
/// answered, and when the POST's 200 came back (0 if it did not; for the bare endpoint the 200 is the answer);
/// for a failed one, why.
/// </summary>
internal readonly record struct TurnTiming(long Start, long Acknowledged, long End, TurnOutcome Outcome, string? Failure = null);

/// <summary>One member talking to the system under test, one turn at a time.</summary>
internal interface IMemberSession
{
    /// <summary>Installs the bot in the member's personal chat, as Teams announces it, and waits for the welcome (not measured).</summary>
    Task<bool> InstallAsync(CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>Posts the member's next activity and waits until it is answered.</summary>
    Task<TurnTiming> StepAsync(CancellationToken cancellationToken);
}
