using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>
/// Who may have a self-review's file: the member whose review it is, and the secretary or deputy of their cell
/// who may enter it on their behalf (the Xuất file button after a proxy entry).
/// </summary>
public sealed class SelfReviewAccess(IMemberFactsSource memberFacts, IMemberAuthorizer authorizer)
{
    public async Task<bool> MayHaveFileAsync(TurnMember presser, Guid reviewOwnerId, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(presser);
        if (presser.MemberId == reviewOwnerId)
        {
            return true;
        }
        return await memberFacts.FindAsync(reviewOwnerId, year, cancellationToken) is { } owner
            && await authorizer.MayAsync(
                presser, MemberAction.EnterReviewByProxy, AccessSubject.Member(reviewOwnerId, owner.Posts.Cell.BodyId), cancellationToken);
    }
}
