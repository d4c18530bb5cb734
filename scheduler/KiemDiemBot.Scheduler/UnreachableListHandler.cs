using KiemDiemBot.Cards;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Before a cycle starts, each cell's secretaries (secretary and deputies) get the list of the cell's members the
/// bot cannot reach ("ai chưa nhận được tin nhắn"), with what to do about it; reachability is the progress view's
/// (a stored personal chat that is not blocked). Nothing is sent when everyone is reachable. The occasion's key is
/// the dedupe scope, so a repeated tick sends nobody the list twice.
/// </summary>
public sealed partial class UnreachableListHandler(
    IReviewProgressService progress,
    IReminderAudience audience,
    IMemberNotices notices,
    ILogger<UnreachableListHandler> logger) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.UnreachableList;

    public async Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        var view = await progress.GetCellProgressAsync(occasion.OrganisationId, occasion.CycleId, cancellationToken);
        var reach = CellReach.Of(view);
        if (reach.Unreachable.Count == 0)
        {
            EveryoneReachable(logger, occasion.OrganisationId, occasion.CycleId, reach.ReachableCount);
            return 0;
        }
        var secretaries = await audience.SecretariesAsync(occasion.OrganisationId, cancellationToken);
        if (secretaries.Count == 0)
        {
            NoSecretary(logger, occasion.OrganisationId, occasion.CycleId);
            return 0;
        }
        var card = UnreachableMembersCard.Build(new UnreachableMembersCardInput(
            view.CellId, view.CycleId, view.CellName, [.. reach.Unreachable.Select(m => m.FullName)], reach.ReachableCount));
        var sent = await notices.StageToMembersAsync(secretaries, card, occasion.Key, cancellationToken);
        Staged(logger, occasion.OrganisationId, occasion.CycleId, reach.Unreachable.Count, sent.Staged, sent.AlreadySent, sent.Unreachable.Count);
        return sent.Staged;
    }

    [LoggerMessage(EventId = 8651, Level = LogLevel.Information, Message = "Cell {CellId} in cycle {CycleId}: all {Reachable} members reachable, no unreachable list sent")]
    private static partial void EveryoneReachable(ILogger logger, Guid cellId, Guid cycleId, int reachable);

    [LoggerMessage(EventId = 8652, Level = LogLevel.Warning, Message = "Cell {CellId} in cycle {CycleId} has no secretary to send its unreachable list to")]
    private static partial void NoSecretary(ILogger logger, Guid cellId, Guid cycleId);

    [LoggerMessage(EventId = 8653, Level = LogLevel.Information,
        Message = "Unreachable list of cell {CellId} in cycle {CycleId} ({Unreachable} unreachable): {Staged} secretaries told, {AlreadySent} told before, {SecretariesUnreachable} secretaries unreachable")]
    private static partial void Staged(ILogger logger, Guid cellId, Guid cycleId, int unreachable, int staged, int alreadySent, int secretariesUnreachable);
}
