using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>
/// Roster and directory rows for roster-sync tests: a grassroots cell with many members put in at once (a 1,200-member
/// import would take the tests far longer), and the rows a sync leaves, read back as plain records.
/// </summary>
public static class TestDirectoryRoster
{
    /// <summary>A new grassroots cell with these members as official members; answers its id.</summary>
    public static async Task<Guid> SeedCellAsync(IServiceProvider services, string code, string name, IEnumerable<TestRosterMember> members)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var cell = new Organisation { Id = Guid.NewGuid(), Code = code, Name = name, Kind = OrganisationKind.GrassrootsCell };
        db.Organisations.Add(cell);
        foreach (var member in members)
        {
            db.Members.Add(new Member
            {
                Id = Guid.NewGuid(),
                Code = member.Code,
                FullName = member.FullName,
                Email = member.Email,
                EmailKey = Member.ToEmailKey(member.Email),
                EntraObjectId = member.EntraObjectId,
                OfficialCellId = cell.Id,
                Membership = MembershipKind.Official,
                AdmittedOn = new DateOnly(2012, 3, 26),
            });
        }
        await db.SaveChangesAsync();
        return cell.Id;
    }

    public static async Task<IReadOnlyList<TestDirectoryPersonRow>> ReadPeopleAsync(IServiceProvider services, Guid organisationId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        return await db.DirectoryPeople.AsNoTracking().Where(p => p.OrganisationId == organisationId)
            .Select(p => new TestDirectoryPersonRow(p.EntraObjectId, p.Email, p.DisplayName, p.JobTitle, p.MemberId, p.LeftAt))
            .ToListAsync();
    }

    public static async Task<IReadOnlyList<TestMemberRow>> ReadMembersAsync(IServiceProvider services, Guid organisationId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        return await db.Members.AsNoTracking().Where(m => m.OfficialCellId == organisationId)
            .Select(m => new TestMemberRow(m.Id, m.Code, m.Email, m.EntraObjectId, m.LeftDirectoryAt))
            .ToListAsync();
    }

    /// <summary>The stored delta link of the organisation's group link, if any.</summary>
    public static async Task<string?> ReadDeltaLinkAsync(IServiceProvider services, Guid organisationId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        return await db.DirectoryGroupLinks.AsNoTracking().Where(l => l.OrganisationId == organisationId).Select(l => l.DeltaLink).SingleOrDefaultAsync();
    }
}

/// <summary>A member to put on a test roster.</summary>
public sealed record TestRosterMember(string Code, string FullName, string? Email, Guid? EntraObjectId = null);

/// <summary>A <c>directory_people</c> row as a sync left it.</summary>
public sealed record TestDirectoryPersonRow(Guid EntraObjectId, string? Email, string DisplayName, string? JobTitle, Guid? MemberId, DateTimeOffset? LeftAt);

/// <summary>A member as a sync left them.</summary>
public sealed record TestMemberRow(Guid Id, string Code, string? Email, Guid? EntraObjectId, DateTimeOffset? LeftDirectoryAt);
