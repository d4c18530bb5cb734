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

    /// <summary>Does not start (for example: no open cycle, or the member may not do this); <paramref name="reply"/> says why.</summary>
    public static FlowStart<TState> Refuse<TState>(DialogReply reply)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(reply);
        return new FlowStart<TState>(Guid.Empty, null, reply);
    }
}

/// <summary>The start of a flow; made by <see cref="FlowStart"/>.</summary>
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
}
