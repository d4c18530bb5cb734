using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Dialogs.Resources;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Exports;

/// <summary>
/// "xuất danh sách xếp loại" (the open cycle, the highest organisation the member leads as secretary or deputy), or
/// the export button with a cycle and a body: hands the ranking list with its statistics (.xlsx) to the body's
/// secretary or deputy secretary, or to those of a body above it. Delivered in the personal chat
/// (<see cref="BallotPaperDelivery"/>).
/// </summary>
public sealed class ExportRankingListDialog(
    IReviewCycleService cycles,
    IBallotExportScope scope,
    BallotPaperDelivery delivery,
    ILogger<ExportRankingListDialog> logger) : IDialog
{
    public IReadOnlyCollection<string> Commands { get; } = ["xuat danh sach xep loai"];

    public IReadOnlyCollection<string> Verbs { get; } = [CardVerbs.ExportRankingList];

    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (turn.Member is not { } member)
        {
            ExportLog.TurnWithoutMember(logger);
            return [];
        }
        var named = BallotPaperRequest.FromSubmit(CardVerbs.ExportRankingList, turn.Value);
        if (named is null && turn.Value is JsonObject)
        {
            return [DialogReply.FromText(BallotExportDialogTexts.CardNotUnderstood)];
        }
        var cycle = named?.CycleId is { } cycleId
            ? await cycles.FindAsync(cycleId, cancellationToken)
            : await cycles.FindCurrentAsync(cancellationToken);
        if (cycle is null)
        {
            return [DialogReply.FromText(named is null ? BallotExportDialogTexts.NoOpenCycle : BallotExportDialogTexts.CardNotUnderstood)];
        }
        Guid bodyId;
        if (named?.BodyId is { } namedBody)
        {
            bodyId = namedBody;
        }
        else if ((await scope.BodiesLedAsync(member, cancellationToken)).FirstOrDefault() is { } highest)
        {
            bodyId = highest.Id;
        }
        else
        {
            ExportLog.Refused(logger, CardVerbs.ExportRankingList, member.MemberId);
            return [DialogReply.FromText(BallotExportDialogTexts.NotAllowed)];
        }
        if (await scope.OrganisationNameAsync(bodyId, cancellationToken) is not { } bodyName)
        {
            return [DialogReply.FromText(BallotExportDialogTexts.CardNotUnderstood)];
        }
        if (!await scope.LeadsAsync(member, bodyId, cancellationToken))
        {
            ExportLog.Refused(logger, CardVerbs.ExportRankingList, member.MemberId);
            return [DialogReply.FromText(BallotExportDialogTexts.NotAllowed)];
        }
        return [await delivery.DeliverAsync(turn, member, BallotPaperRequest.RankingList(cycle.Id, bodyId), bodyName, cycle.Year, cancellationToken)];
    }
}
