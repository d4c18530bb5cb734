namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Marks the Connector calls made in the current async flow as paced: one HTTP request per call, no retry inside
/// the client (a 401's one token refresh aside). A paced send has reserved one send slot for one request; a retry
/// needs a slot of its own, so the outbox retries it instead (PROTOCOL.md 5.1: the tenant's limit counts every request).
/// </summary>
public static class ConnectorAttempts
{
    private static readonly AsyncLocal<bool> Single = new();

    /// <summary>True inside <see cref="SingleAttempt"/>.</summary>
    public static bool IsSingleAttempt => Single.Value;

    /// <summary>Until disposed, Connector calls from this async flow make a single attempt.</summary>
    public static IDisposable SingleAttempt()
    {
        var previous = Single.Value;
        Single.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Single.Value = previous;
    }
}
