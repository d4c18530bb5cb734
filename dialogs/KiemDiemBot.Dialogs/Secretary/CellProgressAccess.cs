using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Dialogs.Resources;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>What a progress card's button names: the cell, the cycle, and the page the card showed.</summary>
public sealed record ProgressCardTarget(Guid CellId, Guid CycleId, int Page);

/// <summary>Which cells a turn's progress card may show, or why none.</summary>
public sealed record ProgressCells(IReadOnlyList<RosterCell> Cells, string? Refusal);

/// <summary>
/// The refusals of a cell command (another command than "tiến độ" uses the same rules with its own words):
/// not a cell's secretary; a group chat of another cell ({0} is its name); several cells led and a group chat that names none.
/// </summary>
public sealed record CellCommandRefusals(string NotAllowed, string OtherCellChat, string ChooseChat)
{
    public static CellCommandRefusals Progress { get; } = new(
        SecretaryDialogTexts.ProgressNotAllowed, SecretaryDialogTexts.ProgressOtherCellChat, SecretaryDialogTexts.ProgressChooseChat);
}

/// <summary>
/// Who sees which cell's progress (only the cell's own secretary or deputy secretary), which cell a chat is about
/// (in a group: the cell whose meeting chat it is, by name, else the one cell the member leads), and the mapping
/// from Core's progress view to the card.
/// </summary>
public sealed class CellProgressAccess(ILeadershipScopes leadership, IRosterDirectory roster)
{
    /// <summary>The cells whose progress "tiến độ" shows here: every cell the member leads in a personal chat, one in a group.</summary>
    public async Task<ProgressCells> ForCommandAsync(DialogTurn turn, TurnMember member, CancellationToken cancellationToken) =>
        await ForCommandAsync(turn, member, CellCommandRefusals.Progress, cancellationToken);

    /// <summary>As above, with another command's refusals.</summary>
    public async Task<ProgressCells> ForCommandAsync(DialogTurn turn, TurnMember member, CellCommandRefusals refusals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(refusals);
        var led = await leadership.CellsLedAsync(member, cancellationToken);
        if (led.Count == 0)
        {
            return new ProgressCells([], refusals.NotAllowed);
        }
        if (!turn.IsGroup)
        {
            return new ProgressCells(led, null);
        }
        var chatName = CommandText.Normalize(turn.ConversationName);
        if (chatName.Length > 0)
        {
            var cells = await roster.ListCellsAsync(cancellationToken);
            if (cells.FirstOrDefault(c => CommandText.Normalize(c.MeetingChatName) == chatName) is { } chatCell)
            {
                return led.FirstOrDefault(c => c.Id == chatCell.Id) is { } own
                    ? new ProgressCells([own], null)
                    : new ProgressCells([], string.Format(System.Globalization.CultureInfo.InvariantCulture, refusals.OtherCellChat, chatCell.Name));
            }
        }
        return led.Count == 1 ? new ProgressCells(led, null) : new ProgressCells([], refusals.ChooseChat);
    }

    /// <summary>Whether the member is the cell's secretary or deputy secretary (asked again at every button: a card can be forwarded).</summary>
    public async Task<bool> LeadsAsync(TurnMember member, Guid cellId, CancellationToken cancellationToken) =>
        (await leadership.CellsLedAsync(member, cancellationToken)).Any(c => c.Id == cellId);

    public static ProgressCardTarget? ReadTarget(JsonObject? value) =>
        CardValues.Id(value, CardDataKeys.Cell) is { } cell && CardValues.Id(value, CardDataKeys.Cycle) is { } cycle
            ? new ProgressCardTarget(cell, cycle, Math.Max(0, CardValues.Int(value, CardDataKeys.Page) ?? 0))
            : null;

    /// <summary>A new card, or the card whose button was pressed replaced in place where the channel can.</summary>
    public static DialogReply Reply(DialogTurn turn, JsonObject card) =>
        turn.SupportsUpdates && !string.IsNullOrEmpty(turn.ReplyToId) && turn.Value is not null
            ? DialogReply.UpdateCard(turn.ReplyToId, card)
            : DialogReply.FromCard(card);

    public static JsonObject Card(CellProgressView view, int page, string? notice = null) =>
        CellProgressCard.Build(new CellProgressCardInput(view.CellId, view.CycleId, view.Year, view.CellName, [.. view.Members.Select(Row)])
        {
            Page = page,
            Notice = notice,
        });

    public static CellProgressRow Row(MemberProgress member) =>
        new(
            member.MemberId,
            member.FullName,
            member.Status switch
            {
                SelfReviewStatus.NotStarted => CellProgressStatus.NotStarted,
                SelfReviewStatus.InProgress => CellProgressStatus.InProgress,
                SelfReviewStatus.Submitted => CellProgressStatus.Submitted,
                SelfReviewStatus.Locked => CellProgressStatus.Locked,
                _ => throw new ArgumentOutOfRangeException(nameof(member), member.Status, null),
            },
            Comment(member.ResidenceCommentExpected, member.ResidenceCommentReceived),
            Comment(member.TemporaryCellCommentExpected, member.TemporaryCellCommentReceived),
            member.Reachable)
        {
            IsReviewed = member.IsReviewed,
            IsTemporaryHere = member.HoldsTemporaryActivitiesHere,
        };

    private static CommentProgress Comment(bool expected, bool received) =>
        !expected ? CommentProgress.NotExpected : received ? CommentProgress.Received : CommentProgress.Missing;
}
