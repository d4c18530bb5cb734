using System.ComponentModel.DataAnnotations;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>The <c>Turns</c> section: how stored turns are processed.</summary>
public sealed class TurnPipelineOptions : IValidatableObject
{
    public const string SectionName = "Turns";

    /// <summary>
    /// Conversations processed at once by this instance (each one turn at a time). Teams' Connector answers in
    /// 100 to 300 ms, so throughput is about Lanes / Connector latency.
    /// </summary>
    [Range(1, 4096)]
    public int Lanes { get; set; } = 128;

    /// <summary>How long one turn, or one delivery, may take before it is abandoned and retried.</summary>
    public TimeSpan Deadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts of a turn or a delivery before it is recorded as failed and the member is told.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Wait before the next attempt, times the number of attempts made.</summary>
    public TimeSpan RetryBackOff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the database is searched for work this instance was not told about (other instances, retries, restarts).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a conversation stays with this instance without renewal; longer than <see cref="Deadline"/>.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Proactive messages (fan-outs, jobs, card updates) per second for the whole tenant, shared by every instance
    /// through the database (PROTOCOL.md 5.1: 50 requests per second per app per tenant). Sends are spaced evenly,
    /// 1 s / this apart, so no second holds more. Turn replies are not spaced (the member is waiting) but a 429 on
    /// them pauses everyone.
    /// </summary>
    [Range(1, 1000)]
    public int ProactiveSendsPerSecond { get; set; } = 50;

    /// <summary>
    /// The fraction of <see cref="ProactiveSendsPerSecond"/> left unused, for the jitter between a send slot and its
    /// request's arrival at Teams (timers firing late and together on a busy machine, the network): slots are spaced
    /// 1 s / (rate x (1 - headroom)) apart. 0.05 keeps 50 per second from being exceeded with up to ~50 ms of jitter.
    /// </summary>
    [Range(0.0, 0.5)]
    public double ProactiveSendHeadroom { get; set; } = 0.05;

    /// <summary>
    /// The longest a lane waits for a proactive message's send slot (or its conversation's limit); when the slot is
    /// further away, the message is put back until then and the lane is freed for other conversations' turns.
    /// </summary>
    public TimeSpan MaxSendWait { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long finished turns and sent messages are kept before they are pruned.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Deadline <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Turns:Deadline must be positive.", [nameof(Deadline)]);
        }
        if (LeaseDuration <= Deadline)
        {
            yield return new ValidationResult("Turns:LeaseDuration must be longer than Turns:Deadline.", [nameof(LeaseDuration)]);
        }
        if (PollInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Turns:PollInterval must be positive.", [nameof(PollInterval)]);
        }
        if (RetryBackOff < TimeSpan.Zero)
        {
            yield return new ValidationResult("Turns:RetryBackOff must not be negative.", [nameof(RetryBackOff)]);
        }
        if (MaxSendWait < TimeSpan.Zero || MaxSendWait >= Deadline)
        {
            yield return new ValidationResult("Turns:MaxSendWait must be 0 or more and shorter than Turns:Deadline.", [nameof(MaxSendWait)]);
        }
        if (Retention <= TimeSpan.Zero)
        {
            yield return new ValidationResult("Turns:Retention must be positive.", [nameof(Retention)]);
        }
    }
}
