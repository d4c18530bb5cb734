namespace KiemDiemBot.Bot.Connector;

/// <summary>
/// Bounds of the Connector retry policy (PROTOCOL.md 3.5 and 5.1), setting <c>Bot:ConnectorRetry</c>: 429 waits
/// for Retry-After, else exponential backoff with ±20 % jitter; 412, 502, 503, 504, network errors and attempts
/// that time out back off the same way, within a bounded number of attempts and a bounded time per call.
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

    /// <summary>How long one HTTP attempt may take before it is abandoned and retried (Teams answers in 100 to 300 ms).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long one call may take, all attempts and waits included; no retry starts past it.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every bad key, named under <paramref name="section"/> (e.g. <c>Bot:ConnectorRetry</c>).</summary>
    public IEnumerable<string> Validate(string section)
    {
        if (MaxRetries < 0)
        {
            yield return $"{section}:{nameof(MaxRetries)} must be 0 or more";
        }
        if (BaseDelay <= TimeSpan.Zero)
        {
            yield return $"{section}:{nameof(BaseDelay)} must be longer than 0";
        }
        if (MaxDelay < BaseDelay)
        {
            yield return $"{section}:{nameof(MaxDelay)} must be at least {nameof(BaseDelay)}";
        }
        if (JitterFraction is < 0 or > 1 || double.IsNaN(JitterFraction))
        {
            yield return $"{section}:{nameof(JitterFraction)} must be between 0 and 1";
        }
        if (AttemptTimeout <= TimeSpan.Zero)
        {
            yield return $"{section}:{nameof(AttemptTimeout)} must be longer than 0";
        }
        if (CallTimeout < AttemptTimeout)
        {
            yield return $"{section}:{nameof(CallTimeout)} must be at least {nameof(AttemptTimeout)}";
        }
    }
}
