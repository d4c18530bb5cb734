using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.DirectorySync;

/// <summary>
/// Merges a linked group's people into the roster: a person is matched to a member of the organisation (or of the
/// organisations under it) by Entra object id, else by e-mail (mail or sign-in name, case-insensitive), and the member
/// then gets the object id (audited, as a sign-in match is). Every person is kept in <c>directory_people</c>; who
/// leaves is flagged (<see cref="DirectoryPerson.LeftAt"/>, <see cref="Member.LeftDirectoryAt"/>), never deleted;
/// people not on the roster are only reported. Changes are tracked on the unit of work; the caller commits.
/// </summary>
internal sealed class RosterSync(KiemDiemDbContext db, IDirectoryGroupSource directory, AuditTrail audit, TimeProvider clock) : IRosterSync
{
    /// <summary>The audit actor of an object id learnt by a directory sync.</summary>
    public const string SystemActor = "system:directory-sync";

    public async Task<RosterSyncLinkResult> LinkAsync(string organisationCode, string groupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(organisationCode);
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Code == organisationCode.Trim(), cancellationToken);
        if (organisation is null)
        {
            return new RosterSyncLinkResult(RosterSyncLinkOutcome.OrganisationNotFound);
        }
        var groupName = await directory.FindGroupAsync(groupId.Trim(), cancellationToken);
        if (groupName is null)
        {
            return new RosterSyncLinkResult(RosterSyncLinkOutcome.GroupNotFound, organisation.Name);
        }
        var link = await db.DirectoryGroupLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisation.Id, cancellationToken);
        if (link is null)
        {
            db.DirectoryGroupLinks.Add(new DirectoryGroupLink { OrganisationId = organisation.Id, GroupId = groupId.Trim(), LinkedAt = clock.GetUtcNow() });
        }
        else if (!string.Equals(link.GroupId, groupId.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            link.GroupId = groupId.Trim();
            link.DeltaLink = null;
            link.LinkedAt = clock.GetUtcNow();
        }
        return new RosterSyncLinkResult(RosterSyncLinkOutcome.Linked, organisation.Name, groupName);
    }

    public async Task<IReadOnlyList<RosterSyncLink>> ListLinksAsync(CancellationToken cancellationToken) =>
        await (from link in db.DirectoryGroupLinks.AsNoTracking()
               join organisation in db.Organisations on link.OrganisationId equals organisation.Id
               orderby organisation.Code
               select new RosterSyncLink(organisation.Id, organisation.Code, organisation.Name, link.GroupId, link.LastSyncedAt))
            .ToListAsync(cancellationToken);

    public async Task<RosterSyncReport?> SyncAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var link = await db.DirectoryGroupLinks.SingleOrDefaultAsync(l => l.OrganisationId == organisationId, cancellationToken);
        if (link is null)
        {
            return null;
        }
        var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId, cancellationToken);
        var now = clock.GetUtcNow();
        var (roster, heldElsewhere) = await LoadRosterAsync(organisationId, cancellationToken);
        var round = new Round(this, organisationId, now, roster, heldElsewhere,
            await db.DirectoryPeople.Where(p => p.OrganisationId == organisationId).ToListAsync(cancellationToken));

        DirectoryDeltaRead? delta = null;
        if (link.DeltaLink is { } deltaLink)
        {
            try
            {
                delta = await directory.ReadChangesAsync(link.GroupId, deltaLink, cancellationToken);
            }
            catch (DirectoryDeltaExpiredException)
            {
                // The directory forgot where the last round ended: read the whole group again.
            }
        }
        if (delta is not null)
        {
            round.ApplyDelta(delta);
            link.DeltaLink = delta.DeltaLink;
        }
        else
        {
            var full = await directory.ReadMembersAsync(link.GroupId, cancellationToken);
            round.ApplyFull(full.Members);
            link.DeltaLink = full.DeltaLink;
        }
        link.LastSyncedAt = now;
        return round.Report(organisation.Code, organisation.Name, link.GroupId, delta is null ? RosterSyncRound.Full : RosterSyncRound.Delta);
    }

    // The organisation's own members and those of every organisation under it, tracked (their object id and
    // LeftDirectoryAt may change); and the object ids members elsewhere hold (never given to a second member).
    private async Task<(List<Member> Roster, HashSet<Guid> HeldElsewhere)> LoadRosterAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        var tree = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(cancellationToken);
        var inScope = new HashSet<Guid> { organisationId };
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var node in tree.Where(n => n.ParentId is { } parent && inScope.Contains(parent) && !inScope.Contains(n.Id)))
            {
                grew |= inScope.Add(node.Id);
            }
        }
        var ids = inScope.ToList();
        var roster = await db.Members.Where(m => ids.Contains(m.OfficialCellId)).ToListAsync(cancellationToken);
        var elsewhere = await db.Members.AsNoTracking()
            .Where(m => m.EntraObjectId != null && !ids.Contains(m.OfficialCellId))
            .Select(m => m.EntraObjectId!.Value)
            .ToListAsync(cancellationToken);
        return (roster, elsewhere.ToHashSet());
    }

    private void AddPerson(DirectoryPerson person) => db.DirectoryPeople.Add(person);

    private void RecordObjectIdLearnt(Member member, Guid objectId) =>
        audit.Record(new AuditChange(
            SystemActor, AuditSubjectKind.Member, member.Id, AuditFields.MemberEntraObjectId,
            member.EntraObjectId?.ToString(), objectId.ToString(), "matched:email"));

    /// <summary>One round's working set: the roster and the people as last seen, changed in place.</summary>
    private sealed class Round(RosterSync owner, Guid organisationId, DateTimeOffset now, List<Member> roster, HashSet<Guid> heldElsewhere, List<DirectoryPerson> people)
    {
        private readonly Dictionary<Guid, DirectoryPerson> byObjectId = people.ToDictionary(p => p.EntraObjectId);
        private readonly List<DirectoryPerson> leftNow = [];
        private int newlyLinked;

        public void ApplyFull(IReadOnlyList<DirectoryUser> members)
        {
            var present = new HashSet<Guid>();
            foreach (var user in members)
            {
                if (present.Add(user.ObjectId))
                {
                    Upsert(user);
                }
            }
            foreach (var person in people.Where(p => p.LeftAt is null && !present.Contains(p.EntraObjectId)).ToList())
            {
                MarkLeft(person);
            }
        }

        public void ApplyDelta(DirectoryDeltaRead delta)
        {
            foreach (var user in delta.Joined)
            {
                Upsert(user);
            }
            foreach (var change in delta.Changed)
            {
                // Users' changes come tenant-wide: only the group's people matter.
                if (byObjectId.TryGetValue(change.ObjectId, out var person))
                {
                    Patch(person, change);
                }
            }
            foreach (var objectId in delta.Left)
            {
                if (byObjectId.TryGetValue(objectId, out var person) && person.LeftAt is null)
                {
                    MarkLeft(person);
                }
            }
        }

        public RosterSyncReport Report(string code, string name, string groupId, RosterSyncRound round)
        {
            var members = roster.ToDictionary(m => m.Id);
            var present = people.Where(p => p.LeftAt is null).ToList();
            var matched = present.Where(p => p.MemberId is { } id && members.ContainsKey(id))
                .Select(p => Describe(p, members[p.MemberId!.Value])).OrderBy(p => p.MemberCode, StringComparer.Ordinal).ToList();
            var newInGroup = present.Where(p => p.MemberId is null).Select(p => Describe(p, null)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            var inGroup = present.Where(p => p.MemberId is not null).Select(p => p.MemberId!.Value).ToHashSet();
            var missing = roster.Where(m => !inGroup.Contains(m.Id))
                .Select(m => new RosterSyncPerson(m.Code, m.FullName, m.Email, null)).OrderBy(p => p.MemberCode, StringComparer.Ordinal).ToList();
            var left = leftNow.Select(p => Describe(p, p.MemberId is { } id ? members.GetValueOrDefault(id) : null)).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
            return new RosterSyncReport(code, name, groupId, round, matched, newInGroup, missing, left) { NewlyLinked = newlyLinked };
        }

        private static RosterSyncPerson Describe(DirectoryPerson person, Member? member) =>
            new(member?.Code, member?.FullName ?? person.DisplayName, person.Email, person.JobTitle);

        private void Upsert(DirectoryUser user)
        {
            if (!byObjectId.TryGetValue(user.ObjectId, out var person))
            {
                person = new DirectoryPerson
                {
                    OrganisationId = organisationId,
                    EntraObjectId = user.ObjectId,
                    DisplayName = user.DisplayName,
                    FirstSeenAt = now,
                };
                people.Add(person);
                byObjectId[user.ObjectId] = person;
                owner.AddPerson(person);
            }
            person.DisplayName = Fit(user.DisplayName, 256) ?? "";
            person.Email = Fit(user.Mail ?? user.UserPrincipalName, 320);
            person.JobTitle = Fit(user.JobTitle, 256);
            person.LastSeenAt = now;
            person.LeftAt = null;
            Match(person, user.UserPrincipalName);
        }

        private void Patch(DirectoryPerson person, DirectoryUserChange change)
        {
            if (change.DisplayName is { } displayName)
            {
                person.DisplayName = Fit(displayName.Value, 256) ?? "";
            }
            if (change.Mail is not null || change.UserPrincipalName is not null)
            {
                // The stored address is the mail, or the sign-in name without one.
                var mail = change.Mail is { } m ? m.Value : person.Email;
                person.Email = Fit(mail ?? change.UserPrincipalName?.Value ?? person.Email, 320);
            }
            if (change.JobTitle is { } jobTitle)
            {
                person.JobTitle = Fit(jobTitle.Value, 256);
            }
            person.LastSeenAt = now;
            if (person.LeftAt is null)
            {
                Match(person, change.UserPrincipalName?.Value);
            }
        }

        private void Match(DirectoryPerson person, string? userPrincipalName)
        {
            var objectId = person.EntraObjectId;
            var member = roster.FirstOrDefault(m => m.EntraObjectId == objectId);
            if (member is null && !heldElsewhere.Contains(objectId))
            {
                member = FindByEmail(person.Email) ?? FindByEmail(userPrincipalName);
            }
            if (member is null)
            {
                person.MemberId = null;
                return;
            }
            person.MemberId = member.Id;
            member.LeftDirectoryAt = null;
            if (member.EntraObjectId != objectId)
            {
                owner.RecordObjectIdLearnt(member, objectId);
                member.EntraObjectId = objectId;
                newlyLinked++;
            }
        }

        // Only a member without an object id, or with this one, is matched by address: an address never moves a link.
        private Member? FindByEmail(string? address) => Member.ToEmailKey(address) is { } key
            ? roster.FirstOrDefault(m => m.EmailKey == key && m.EntraObjectId is null)
            : null;

        private void MarkLeft(DirectoryPerson person)
        {
            person.LeftAt = now;
            leftNow.Add(person);
            if (person.MemberId is { } memberId && roster.FirstOrDefault(m => m.Id == memberId) is { } member
                && !people.Any(p => p != person && p.MemberId == memberId && p.LeftAt is null))
            {
                member.LeftDirectoryAt = now;
            }
        }

        private static string? Fit(string? value, int length)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }
            var trimmed = value.Trim();
            return trimmed.Length > length ? trimmed[..length] : trimmed;
        }
    }
}
