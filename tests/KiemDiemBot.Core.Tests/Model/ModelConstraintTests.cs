using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Model;

/// <summary>What the database itself refuses, on both providers, whatever code writes to it.</summary>
public abstract class ModelConstraintTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;
    private Guid cellId;

    public async Task InitializeAsync()
    {
        storage = await StorageFixture.CreateAsync(provider);
        cellId = Guid.NewGuid();
        await SaveAsync(new Organisation { Id = cellId, Code = "CB01", Name = "Chi bộ Văn phòng", Kind = OrganisationKind.GrassrootsCell });
    }

    public async Task DisposeAsync() => await storage.DisposeAsync();

    private async Task SaveAsync(params object[] entities)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        db.AddRange(entities);
        await db.SaveChangesAsync();
    }

    private Member NewMember(string code, string? email) => new()
    {
        Id = Guid.NewGuid(),
        Code = code,
        FullName = "Nguyễn Văn " + code,
        Email = email,
        EmailKey = Member.ToEmailKey(email),
        OfficialCellId = cellId,
        Membership = MembershipKind.Official,
        AdmittedOn = new DateOnly(2010, 5, 19),
    };

    [Fact]
    public async Task SaveChanges_TwoMembersWithOneCode_IsRefused()
    {
        await SaveAsync(NewMember("DV01", null));

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(NewMember("DV01", null)));
    }

    [Fact]
    public async Task SaveChanges_TwoMembersWithOneEmailInOtherCase_IsRefused()
    {
        await SaveAsync(NewMember("DV01", "an@stp.gov.vn"));

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(NewMember("DV02", "AN@stp.gov.vn")));
    }

    [Fact]
    public async Task SaveChanges_SeveralMembersWithoutEmail_AreAccepted()
    {
        await SaveAsync(NewMember("DV01", null), NewMember("DV02", null));

        await using var scope = storage.CreateScope();
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Members.CountAsync());
    }

    [Fact]
    public async Task SaveChanges_MemberInAMissingCell_IsRefused()
    {
        var member = NewMember("DV01", null);
        member.OfficialCellId = Guid.NewGuid();

        await Assert.ThrowsAsync<DbUpdateException>(() => SaveAsync(member));
    }

    [Fact]
    public async Task SaveChanges_MemberRoundTrip_KeepsEveryField()
    {
        var member = NewMember("DV01", "an@stp.gov.vn");
        member.EntraObjectId = Guid.NewGuid();
        member.DateOfBirth = new DateOnly(1980, 5, 19);
        member.Membership = MembershipKind.Probationary;
        member.ActivityStatus = PartyActivityStatus.SuspendedFromActivities;
        member.Discipline = Core.Rules.Ranking.DisciplineSeverity.Warning;
        member.DisciplinedOn = new DateOnly(2022, 3, 15);
        member.StateRating = Core.Rules.RankingLevel.GoodCompletion;
        member.ResidenceExemption = ResidenceCommentExemption.MobileWorker;
        await SaveAsync(member);

        await using var scope = storage.CreateScope();
        var stored = await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Members.AsNoTracking().SingleAsync();
        Assert.Equal(member.EntraObjectId, stored.EntraObjectId);
        Assert.Equal(member.DateOfBirth, stored.DateOfBirth);
        Assert.Equal(MembershipKind.Probationary, stored.Membership);
        Assert.Equal(PartyActivityStatus.SuspendedFromActivities, stored.ActivityStatus);
        Assert.Equal(Core.Rules.Ranking.DisciplineSeverity.Warning, stored.Discipline);
        Assert.Equal(new DateOnly(2022, 3, 15), stored.DisciplinedOn);
        Assert.Equal(Core.Rules.RankingLevel.GoodCompletion, stored.StateRating);
        Assert.Equal(ResidenceCommentExemption.MobileWorker, stored.ResidenceExemption);
    }
}

public sealed class SqliteModelConstraintTests() : ModelConstraintTests(StorageProvider.Sqlite);

public sealed class PostgresModelConstraintTests() : ModelConstraintTests(StorageProvider.PostgreSQL);
