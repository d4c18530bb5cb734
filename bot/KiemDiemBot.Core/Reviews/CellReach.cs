namespace KiemDiemBot.Core.Reviews;

/// <summary>
/// Who of a cell's own members the bot can write to, from the progress view's <see cref="MemberProgress.Reachable"/>
/// (a stored personal chat that is not blocked, as the member notices count it): the unreachable in roster order,
/// and how many are reachable. Members here only temporarily belong to their official cell's list.
/// </summary>
public sealed record CellReach(IReadOnlyList<MemberProgress> Unreachable, int ReachableCount)
{
    public static CellReach Of(CellProgressView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var own = view.Members.Where(m => !m.HoldsTemporaryActivitiesHere).ToList();
        return new CellReach([.. own.Where(m => !m.Reachable)], own.Count(m => m.Reachable));
    }
}
