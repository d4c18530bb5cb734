using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Identity;

internal sealed class TurnMemberDirectory(KiemDiemDbContext db, UnitOfWork unitOfWork, AuditTrail audit, ReviewOptions review)
    : ITurnMemberDirectory
{
    /// <summary>The audit actor of a link made by the bot itself, not by a person.</summary>
    public const string SystemActor = "system:sign-in";

    public Task<TurnMember?> FindByEntraObjectIdAsync(Guid objectId, CancellationToken cancellationToken) =>
        FindAsync(db.Members.Where(m => m.EntraObjectId == objectId), cancellationToken);

    public Task<TurnMember?> FindByEmailAsync(string? address, CancellationToken cancellationToken)
    {
        var key = Member.ToEmailKey(address);
        return key is null
            ? Task.FromResult<TurnMember?>(null)
            : FindAsync(db.Members.Where(m => m.EmailKey == key), cancellationToken);
    }

    public void StageEntraObjectIdLink(Guid memberId, Guid objectId, MemberLinkEvidence evidence) =>
        unitOfWork.Stage(async (context, cancellationToken) =>
        {
            var heldByOther = await context.Members.AnyAsync(m => m.EntraObjectId == objectId && m.Id != memberId, cancellationToken);
            var previous = await context.Members.Where(m => m.Id == memberId).Select(m => m.EntraObjectId).SingleOrDefaultAsync(cancellationToken);
            if (heldByOther || previous == objectId)
            {
                return;
            }
            // Conditional on the value read, so that of two turns linking at once only one writes and audits.
            var updated = await context.Members
                .Where(m => m.Id == memberId && m.EntraObjectId == previous)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.EntraObjectId, objectId), cancellationToken);
            if (updated == 1)
            {
                audit.Record(new AuditChange(
                    SystemActor, AuditSubjectKind.Member, memberId, AuditFields.MemberEntraObjectId,
                    previous?.ToString(), objectId.ToString(), "matched:" + evidence));
            }
        });

    // One round trip: the member and their secretary posts together (a turn asks this every time).
    private async Task<TurnMember?> FindAsync(IQueryable<Member> query, CancellationToken cancellationToken)
    {
        var member = await query.AsNoTracking()
            .Select(m => new
            {
                m.Id,
                m.FullName,
                m.Email,
                m.OfficialCellId,
                Posts = db.Positions
                    .Where(p => p.MemberId == m.Id
                        && (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary))
                    .Select(p => new RolePost(p.Title, p.BodyId, p.Body!.Kind, p.Body.ParentId))
                    .ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (member is null)
        {
            return null;
        }
        var roles = MemberRoles.From(member.Posts, review.IsAdmin(member.Email));
        return new TurnMember(member.Id, member.FullName, member.Email, member.OfficialCellId, roles);
    }
}
