namespace KiemDiemBot.Dialogs.Flows;

/// <summary>How a flow starts for a member: its first state and the cycle it belongs to, or a refusal.</summary>
public static class FlowStart
{
    /// <summary>Starts a flow that belongs to no review cycle.</summary>
    public static FlowStart<TState> Begin<TState>(TState state)
        where TState : class => BeginInCycle(Guid.Empty, state);

    /// <summary>Starts a flow kept per review cycle: each cycle has its own state for the member.</summary>
    public static FlowStart<TState> BeginInCycle<TState>(Guid cycleId, TState state)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(state);
        return new FlowStart<TState>(cycleId, state, null);
    }

    /// <summary>
    /// Does not start (for example: no open cycle, or the member may not do this), or the command was answered at
    /// once without a run; <paramref name="reply"/> says why, or is the answer.
    /// </summary>
    public static FlowStart<TState> Refuse<TState>(DialogReply reply)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new FlowStart<TState>(Guid.Empty, null, reply);
    }
}

/// <summary>
/// The start of a flow; made by <see cref="FlowStart"/>. By default a run starts at the flow's first step, and a
/// run already active is resumed where it is (its state kept); <see cref="At"/>, <see cref="MovingActiveRun"/> and
/// <see cref="WithNotice"/> change that.
/// </summary>
/// <typeparam name="TState">The flow's state record.</typeparam>
public sealed class FlowStart<TState>
    where TState : class
{
    internal FlowStart(Guid cycleId, TState? state, DialogReply? refusal)
    {
        CycleId = cycleId;
        State = state;
        Refusal = refusal;
    }

    internal Guid CycleId { get; }

    internal TState? State { get; }

    internal DialogReply? Refusal { get; }

    internal string? Step { get; private init; }

    internal bool MovesActiveRun { get; private init; }

    internal string? Notice { get; private init; }

    /// <summary>Starts the run at <paramref name="step"/> rather than at the first step (for example where the member left off).</summary>
    public FlowStart<TState> At(string step)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        return new FlowStart<TState>(CycleId, State, Refusal) { Step = step, MovesActiveRun = MovesActiveRun, Notice = Notice };
    }

    /// <summary>A run already active is not resumed where it is: its state is replaced by this one, at this start's step.</summary>
    public FlowStart<TState> MovingActiveRun() =>
        new(CycleId, State, Refusal) { Step = Step, MovesActiveRun = true, Notice = Notice };

    /// <summary>Sends <paramref name="text"/> with the first card (for example why the member is taken to this step).</summary>
    public FlowStart<TState> WithNotice(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        return new FlowStart<TState>(CycleId, State, Refusal) { Step = Step, MovesActiveRun = MovesActiveRun, Notice = text };
    }
}
