using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Notices;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// The news that a cycle is open, to the reachable members of the organisation that opened it (null: everyone),
/// at most once per member and cycle. Used by the chat flow and the command line alike.
/// </summary>
public static class CycleOpenedNotice
{
    /// <summary>The dedupe scope of the news of one cycle: a member gets it once, whoever opens the cycle and however often.</summary>
    public static string DedupeScope(Guid cycleId) => "cycle-opened:" + cycleId.ToString("N");

    public static Task<NoticeFanOut> StageAsync(IMemberNotices notices, ReviewCycleView cycle, Guid? organisationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(cycle);
        var cellDeadline = cycle.Deadlines.TryGetValue(DeadlineKind.CellReview, out var due) ? due : DeadlineKind.CellReview.SeedDefault(cycle.Year);
        var card = CycleOpenedCard.Build(new CycleOpenedCardInput(cycle.Year, cellDeadline));
        return notices.StageToOrganisationAsync(organisationId, card, DedupeScope(cycle.Id), cancellationToken);
    }
}
