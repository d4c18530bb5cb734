using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// Writes a checked roster over the snapshot: rows are matched by code, new ones created, changed
/// ones updated, the rest left alone; posts of the members the roster lists follow its ChucVu table.
/// Nothing is saved here: the caller saves once, in one transaction.
/// </summary>
internal sealed class RosterApplier(KiemDiemDbContext db, RosterSnapshot snapshot, DateTimeOffset now)
{
    /// <summary>
    /// Clears the e-mail of every listed member whose e-mail the roster changes, so that two members who
    /// swap addresses do not collide on the unique index while the rows are written one by one. The caller
    /// saves this first, in the same transaction as the rest.
    /// </summary>
    public bool ReleaseChangingEmails(ParsedRoster roster)
    {
        var released = false;
        foreach (var row in roster.Members)
        {
            if (snapshot.Members.TryGetValue(RosterCodes.Key(row.Code), out var current)
                && current.EmailKey is not null
                && current.EmailKey != Member.ToEmailKey(row.Email))
            {
                current.Email = null;
                current.EmailKey = null;
                released = true;
            }
        }
        return released;
    }

    public RosterImportCounts Apply(ParsedRoster roster)
    {
        var organisations = ApplyOrganisations(roster.Organisations);
        var members = ApplyMembers(roster.Members);
        var positions = roster.Positions is { } rows ? ApplyPositions(roster.Members, rows) : null;
        return new RosterImportCounts(organisations, members, positions);
    }

    private RosterChangeCounts ApplyOrganisations(List<OrganisationRow> rows)
    {
        var fresh = new List<Organisation>();
        var existing = new HashSet<string>();
        foreach (var row in rows)
        {
            var key = RosterCodes.Key(row.Code);
            if (snapshot.Organisations.ContainsKey(key))
            {
                existing.Add(key);
                continue;
            }
            var organisation = new Organisation { Id = NewId(), Code = row.Code, Name = row.Name, Kind = row.Kind!.Value };
            snapshot.Organisations[key] = organisation;
            fresh.Add(organisation);
        }
        var updated = 0;
        foreach (var row in rows)
        {
            var organisation = snapshot.Organisations[RosterCodes.Key(row.Code)];
            var parentId = row.ParentCode is null ? (Guid?)null : snapshot.Organisations[RosterCodes.Key(row.ParentCode)].Id;
            var changed = organisation.Name != row.Name || organisation.Kind != row.Kind || organisation.ParentId != parentId;
            organisation.Name = row.Name;
            organisation.Kind = row.Kind!.Value;
            organisation.ParentId = parentId;
            if (changed && existing.Contains(RosterCodes.Key(row.Code)))
            {
                updated++;
            }
        }
        db.Organisations.AddRange(fresh);
        return new RosterChangeCounts(fresh.Count, updated, existing.Count - updated, 0);
    }

    private RosterChangeCounts ApplyMembers(List<MemberRow> rows)
    {
        var fresh = new List<Member>();
        var updated = 0;
        var unchanged = 0;
        foreach (var row in rows)
        {
            var key = RosterCodes.Key(row.Code);
            var wanted = ToMember(row, snapshot.Members.TryGetValue(key, out var current) ? current.Id : NewId());
            if (current is null)
            {
                snapshot.Members[key] = wanted;
                fresh.Add(wanted);
            }
            else if (CopyImported(wanted, current))
            {
                updated++;
            }
            else
            {
                unchanged++;
            }
        }
        db.Members.AddRange(fresh);
        return new RosterChangeCounts(fresh.Count, updated, unchanged, 0);
    }

    private RosterChangeCounts ApplyPositions(List<MemberRow> memberRows, List<PositionRow> rows)
    {
        var wanted = rows
            .Select(row => (
                MemberId: snapshot.Members[RosterCodes.Key(row.MemberCode)].Id,
                BodyId: snapshot.Organisations[RosterCodes.Key(row.BodyCode)].Id,
                Title: row.Title!.Value))
            .ToHashSet();
        var inScope = memberRows.Select(row => row.Code)
            .Concat(rows.Select(row => row.MemberCode))
            .Select(code => snapshot.Members[RosterCodes.Key(code)].Id)
            .ToHashSet();
        var removed = 0;
        var unchanged = 0;
        foreach (var position in snapshot.Positions.Where(p => inScope.Contains(p.MemberId)))
        {
            if (wanted.Remove((position.MemberId, position.BodyId, position.Title)))
            {
                unchanged++;
            }
            else
            {
                db.Positions.Remove(position);
                removed++;
            }
        }
        db.Positions.AddRange(wanted.Select(w => new Position { Id = NewId(), MemberId = w.MemberId, BodyId = w.BodyId, Title = w.Title }));
        return new RosterChangeCounts(wanted.Count, 0, unchanged, removed);
    }

    private Member ToMember(MemberRow row, Guid id)
    {
        var status = row.Status!.Value;
        return new Member
        {
            Id = id,
            Code = row.Code,
            FullName = row.FullName,
            Email = row.Email,
            EmailKey = Member.ToEmailKey(row.Email),
            DateOfBirth = row.DateOfBirth,
            OfficialCellId = snapshot.Organisations[RosterCodes.Key(row.CellCode!)].Id,
            TemporaryCellId = row.TemporaryCellCode is null ? null : snapshot.Organisations[RosterCodes.Key(row.TemporaryCellCode)].Id,
            Membership = row.Membership!.Value,
            AdmittedOn = row.AdmittedOn!.Value,
            ActivityStatus = status switch
            {
                MemberStatus.ExemptFromWorkAndActivities => PartyActivityStatus.ExemptFromWorkAndActivities,
                MemberStatus.SuspendedFromActivities => PartyActivityStatus.SuspendedFromActivities,
                _ => PartyActivityStatus.Active,
            },
            SuspendedFromCommittee = status == MemberStatus.SuspendedFromCommitteeOnly,
            Discipline = row.Discipline,
            DisciplinedOn = row.DisciplinedOn,
            DisciplineAlreadyCounted = row.DisciplineAlreadyCounted!.Value,
            LongSickLeave = row.LongSickLeave!.Value,
            IsCivilServant = row.IsCivilServant!.Value,
        };
    }

    /// <summary>Copies the roster's columns onto the stored member; answers whether anything changed. Other fields (Entra id, comments received, state rating) stay.</summary>
    private static bool CopyImported(Member from, Member to)
    {
        var changed =
            to.FullName != from.FullName
            || to.Email != from.Email
            || to.DateOfBirth != from.DateOfBirth
            || to.OfficialCellId != from.OfficialCellId
            || to.TemporaryCellId != from.TemporaryCellId
            || to.Membership != from.Membership
            || to.AdmittedOn != from.AdmittedOn
            || to.ActivityStatus != from.ActivityStatus
            || to.SuspendedFromCommittee != from.SuspendedFromCommittee
            || to.Discipline != from.Discipline
            || to.DisciplinedOn != from.DisciplinedOn
            || to.DisciplineAlreadyCounted != from.DisciplineAlreadyCounted
            || to.LongSickLeave != from.LongSickLeave
            || to.IsCivilServant != from.IsCivilServant;
        if (!changed)
        {
            return false;
        }
        to.FullName = from.FullName;
        to.Email = from.Email;
        to.EmailKey = from.EmailKey;
        to.DateOfBirth = from.DateOfBirth;
        to.OfficialCellId = from.OfficialCellId;
        to.TemporaryCellId = from.TemporaryCellId;
        to.Membership = from.Membership;
        to.AdmittedOn = from.AdmittedOn;
        to.ActivityStatus = from.ActivityStatus;
        to.SuspendedFromCommittee = from.SuspendedFromCommittee;
        to.Discipline = from.Discipline;
        to.DisciplinedOn = from.DisciplinedOn;
        to.DisciplineAlreadyCounted = from.DisciplineAlreadyCounted;
        to.LongSickLeave = from.LongSickLeave;
        to.IsCivilServant = from.IsCivilServant;
        return true;
    }

    private Guid NewId() => Guid.CreateVersion7(now);
}
