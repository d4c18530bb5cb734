namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Bounds of the Connector retry policy (PROTOCOL.md 3.5 and 5.1): 429 waits for Retry-After, else
/// exponential backoff with ±20 % jitter; 412, 502, 503 and 504 back off the same way.
/// </summary>
public sealed class ConnectorRetryOptions
{
    /// <summary>Retries after the first attempt; the call is given up after <c>MaxRetries + 1</c> attempts.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; doubled on each retry.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The longest the client waits between two attempts. A Retry-After longer than this is not waited for:
    /// the call fails with <see cref="ConnectorException.RetryAfter"/> set, so a job can be rescheduled instead.
    /// </summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>The jitter band around each backoff delay, as a fraction (0.2 = ±20 %).</summary>
    public double JitterFraction { get; set; } = 0.2;
}
