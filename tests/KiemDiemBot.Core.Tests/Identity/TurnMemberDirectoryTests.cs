using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Roster;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Identity;

/// <summary>
/// The member directory and the authoriser over a real roster, on both providers: roles from posts and the
/// admin list, links staged until the unit of work commits, and the tree read for the authorisation rule.
/// </summary>
public abstract class TurnMemberDirectoryTests(StorageProvider provider) : IAsyncLifetime
{
    private const string AdminEmail = "DUNG.dao@stp.gov.vn ";

    private readonly ReviewOptions review = new() { AdminEmails = [AdminEmail] };
    private StorageFixture storage = null!;
    private Dictionary<string, Guid> organisations = null!;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        var roster = new SampleRoster();
        roster.Organisations.Add("BCH01,Ban Chấp hành Đảng bộ Sở Tư pháp,Ban Chấp hành,DB01");
        roster.Organisations.Add("CU02,Chi ủy Chi bộ Nghiệp vụ,Chi ủy,CB02");
        roster.Organisations.Add("DD01,Ban cán sự đảng Sở Tư pháp,\"Đảng đoàn, ban cán sự đảng\",DB01");
        roster.Members.Add("DV03,Lê Văn Cường,cuong.le@stp.gov.vn,01/01/1985,CB02,,Chính thức,03/02/2010,,,,");
        roster.Members.Add("DV04,Đào Thị Dung,dung.dao@stp.gov.vn,01/01/1986,CB02,,Chính thức,03/02/2011,,,,");
        roster.Members.Add("DV05,Phạm Thị Em,em.pham@stp.gov.vn,01/01/1995,CB02,,Chính thức,03/02/2020,,,,");
        roster.Positions!.Add("DV02,BCH01,Phó Bí thư");
        roster.Positions.Add("DV03,CU02,Bí thư");
        roster.Positions.Add("DV04,BCH01,Ủy viên Ban Chấp hành");
        roster.Positions.Add("DV04,DD01,Bí thư");
        var result = await storage.ImportAsync(roster);
        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        organisations = (await storage.OrganisationsAsync()).ToDictionary(o => o.Code, o => o.Id);
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Theory]
    [InlineData("an.nguyen@stp.gov.vn", "Secretary@CB01")] // Bí thư of the cell; the agency head post gives no role
    [InlineData("BINH.TRAN@stp.gov.vn", "DeputySecretary@DB01")] // Phó Bí thư in the executive committee: of the committee it leads
    [InlineData("cuong.le@stp.gov.vn", "Secretary@CB02")] // Bí thư in the cell committee: of the cell
    [InlineData("dung.dao@stp.gov.vn", "Admin@")] // a committee member and delegation secretary: no post role; admin by the list
    public async Task FindByEmailAsync_MemberWithPosts_HasTheRolesThePostsGive(string email, string expectedRoles)
    {
        var member = await InScope(d => d.FindByEmailAsync(email, CancellationToken.None));

        Assert.NotNull(member);
        var codes = organisations.ToDictionary(pair => pair.Value, pair => pair.Key);
        Assert.Equal(expectedRoles, string.Join(",", member.Roles.Select(r => $"{r.Kind}@{(r.OrganisationId is { } id ? codes[id] : "")}")));
    }

    [Fact]
    public async Task FindByEmailAsync_UnknownOrBlankAddress_FindsNobody()
    {
        Assert.Null(await InScope(d => d.FindByEmailAsync("khach@stp.gov.vn", CancellationToken.None)));
        Assert.Null(await InScope(d => d.FindByEmailAsync("  ", CancellationToken.None)));
        Assert.Null(await InScope(d => d.FindByEmailAsync(null, CancellationToken.None)));
    }

    [Fact]
    public async Task StageEntraObjectIdLink_Committed_FindsMemberByObjectIdAndAuditsOnce()
    {
        var member = (await InScope(d => d.FindByEmailAsync("an.nguyen@stp.gov.vn", CancellationToken.None)))!;
        var objectId = Guid.NewGuid();

        await LinkAsync(member.MemberId, objectId, commit: true);
        await LinkAsync(member.MemberId, objectId, commit: true);

        var found = await InScope(d => d.FindByEntraObjectIdAsync(objectId, CancellationToken.None));
        Assert.NotNull(found);
        Assert.Equal((member.MemberId, member.FullName, member.Email, member.OfficialCellId), (found.MemberId, found.FullName, found.Email, found.OfficialCellId));
        Assert.Equal(member.Roles, found.Roles);
        var entry = Assert.Single(await AuditAsync(member.MemberId));
        Assert.Equal(AuditFields.MemberEntraObjectId, entry.Field);
        Assert.Equal(objectId.ToString(), entry.To);
        Assert.Equal("matched:" + MemberLinkEvidence.Email, entry.Reason);
    }

    [Fact]
    public async Task StageEntraObjectIdLink_NotCommitted_ChangesNothing()
    {
        var member = (await InScope(d => d.FindByEmailAsync("an.nguyen@stp.gov.vn", CancellationToken.None)))!;
        var objectId = Guid.NewGuid();

        await LinkAsync(member.MemberId, objectId, commit: false);

        Assert.Null(await InScope(d => d.FindByEntraObjectIdAsync(objectId, CancellationToken.None)));
        Assert.Empty(await AuditAsync(member.MemberId));
    }

    [Fact]
    public async Task StageEntraObjectIdLink_ObjectIdHeldByAnotherMember_LeavesBothAsTheyWere()
    {
        var an = (await InScope(d => d.FindByEmailAsync("an.nguyen@stp.gov.vn", CancellationToken.None)))!;
        var binh = (await InScope(d => d.FindByEmailAsync("binh.tran@stp.gov.vn", CancellationToken.None)))!;
        var objectId = Guid.NewGuid();
        await LinkAsync(an.MemberId, objectId, commit: true);

        await LinkAsync(binh.MemberId, objectId, commit: true);

        Assert.Equal(an.MemberId, (await InScope(d => d.FindByEntraObjectIdAsync(objectId, CancellationToken.None)))?.MemberId);
        Assert.Empty(await AuditAsync(binh.MemberId));
    }

    [Fact]
    public async Task StageEntraObjectIdLink_MemberWithAnEarlierAccount_ReplacesItAndAuditsBothIds()
    {
        var member = (await InScope(d => d.FindByEmailAsync("cuong.le@stp.gov.vn", CancellationToken.None)))!;
        var earlier = Guid.NewGuid();
        var later = Guid.NewGuid();
        await LinkAsync(member.MemberId, earlier, commit: true);
        storage.Clock.Advance(TimeSpan.FromDays(30));

        await LinkAsync(member.MemberId, later, commit: true, MemberLinkEvidence.UserPrincipalName);

        Assert.Null(await InScope(d => d.FindByEntraObjectIdAsync(earlier, CancellationToken.None)));
        Assert.Equal(member.MemberId, (await InScope(d => d.FindByEntraObjectIdAsync(later, CancellationToken.None)))?.MemberId);
        var entries = await AuditAsync(member.MemberId);
        Assert.Equal([(null, earlier.ToString()), (earlier.ToString(), later.ToString())], entries.Select(e => (e.From, e.To)));
        Assert.Equal("matched:" + MemberLinkEvidence.UserPrincipalName, entries[1].Reason);
    }

    [Theory]
    [InlineData("binh.tran@stp.gov.vn", MemberAction.ViewProgress, "CB02", true)] // deputy of DB01 (in its committee) reaches a cell below
    [InlineData("binh.tran@stp.gov.vn", MemberAction.OpenCycle, "DB01", true)]
    [InlineData("binh.tran@stp.gov.vn", MemberAction.SetMeetingDates, "BCH01", true)] // the committee hangs under DB01
    [InlineData("an.nguyen@stp.gov.vn", MemberAction.ViewProgress, "CB01", true)]
    [InlineData("an.nguyen@stp.gov.vn", MemberAction.ViewProgress, "CB02", false)]
    [InlineData("an.nguyen@stp.gov.vn", MemberAction.ScheduleMeeting, "DB01", false)]
    [InlineData("cuong.le@stp.gov.vn", MemberAction.OpenBallot, "CB02", true)] // secretary through the cell committee
    [InlineData("dung.dao@stp.gov.vn", MemberAction.CloseBallot, "CB01", true)] // admin
    public async Task MayAsync_OrganisationInTheDatabaseTree_FollowsTheRule(string email, MemberAction action, string organisationCode, bool expected)
    {
        var member = (await InScope(d => d.FindByEmailAsync(email, CancellationToken.None)))!;

        var allowed = await AuthorizeAsync(member, action, AccessSubject.Organisation(organisations[organisationCode]));

        Assert.Equal(expected, allowed);
    }

    [Fact]
    public async Task MayAsync_ReviewOfAMemberOfACell_ItsSecretaryMayUnlockTheMemberMayOnlyWrite()
    {
        var em = (await InScope(d => d.FindByEmailAsync("em.pham@stp.gov.vn", CancellationToken.None)))!;
        var cuong = (await InScope(d => d.FindByEmailAsync("cuong.le@stp.gov.vn", CancellationToken.None)))!;
        var an = (await InScope(d => d.FindByEmailAsync("an.nguyen@stp.gov.vn", CancellationToken.None)))!;

        Assert.Empty(em.Roles);
        Assert.True(await AuthorizeAsync(cuong, MemberAction.UnlockReview, AccessSubject.Member(em)));
        Assert.False(await AuthorizeAsync(an, MemberAction.UnlockReview, AccessSubject.Member(em)));
        Assert.False(await AuthorizeAsync(em, MemberAction.UnlockReview, AccessSubject.Member(em)));
        Assert.True(await AuthorizeAsync(em, MemberAction.WriteSelfReview, AccessSubject.Member(em)));
        Assert.False(await AuthorizeAsync(cuong, MemberAction.WriteSelfReview, AccessSubject.Member(em)));
    }

    private async Task<T> InScope<T>(Func<ITurnMemberDirectory, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        return await action(Directory(scope.ServiceProvider));
    }

    private async Task LinkAsync(Guid memberId, Guid objectId, bool commit, MemberLinkEvidence evidence = MemberLinkEvidence.Email)
    {
        await using var scope = storage.CreateScope();
        Directory(scope.ServiceProvider).StageEntraObjectIdLink(memberId, objectId, evidence);
        if (commit)
        {
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        }
    }

    private async Task<bool> AuthorizeAsync(TurnMember member, MemberAction action, AccessSubject subject)
    {
        await using var scope = storage.CreateScope();
        var authorizer = new MemberAuthorizer(scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>());
        return await authorizer.MayAsync(member, action, subject, CancellationToken.None);
    }

    private async Task<IReadOnlyList<AuditRecord>> AuditAsync(Guid memberId)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, memberId, CancellationToken.None);
    }

    private TurnMemberDirectory Directory(IServiceProvider services) => new(
        services.GetRequiredService<KiemDiemDbContext>(),
        services.GetRequiredService<UnitOfWork>(),
        services.GetRequiredService<AuditTrail>(),
        review);
}

public sealed class SqliteTurnMemberDirectoryTests() : TurnMemberDirectoryTests(StorageProvider.Sqlite);

public sealed class PostgresTurnMemberDirectoryTests() : TurnMemberDirectoryTests(StorageProvider.PostgreSQL);
