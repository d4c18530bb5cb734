using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Notices;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// On the member-reminder days, the cell's secretary (and deputies) get the progress card (tiến độ) limited to the
/// members with something missing: the self-review not submitted, the residence or temporary cell's comment not
/// received; with its "Nhắc ngay" and its buttons. Nothing is sent when nothing is missing.
/// </summary>
public sealed class SecretaryDigestHandler(IReminderAudience audience, IReviewProgressService progress, IMemberNotices notices) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.SecretaryDigest;

    public async Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        var view = await progress.GetCellProgressAsync(occasion.OrganisationId, occasion.CycleId, cancellationToken);
        var missing = view.Members.Select(Row).Where(HasSomethingMissing).ToList();
        if (missing.Count == 0)
        {
            return 0;
        }
        var secretaries = await audience.SecretariesAsync(occasion.OrganisationId, cancellationToken);
        if (secretaries.Count == 0)
        {
            return 0;
        }
        var notDone = missing.Count(CellProgressCard.NeedsReminder);
        var comments = missing.Count(r => r.Residence == CommentProgress.Missing) + missing.Count(r => r.TemporaryCell == CommentProgress.Missing);
        var card = CellProgressCard.Build(new CellProgressCardInput(view.CellId, view.CycleId, view.Year, view.CellName, missing)
        {
            Notice = SecretaryDigestNotice.Text(notDone, comments),
        });
        var fanOut = await notices.StageToMembersAsync(secretaries, card, occasion.Key, cancellationToken);
        return fanOut.Staged;
    }

    /// <summary>A reviewed member of this cell whose self-review is not done, or whose expected comment has not arrived.</summary>
    public static bool HasSomethingMissing(CellProgressRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return CellProgressCard.NeedsReminder(row)
            || (row.IsReviewed && (row.Residence == CommentProgress.Missing || row.TemporaryCell == CommentProgress.Missing));
    }

    private static CellProgressRow Row(MemberProgress member) =>
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
