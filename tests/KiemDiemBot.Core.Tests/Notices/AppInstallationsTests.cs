using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Notices;

/// <summary>
/// Who gets the app installed and what a repeated run does, on both providers. The installer here answers as the
/// host's Graph adapter does (its HTTP behaviour is tested against the fake Graph in the host's tests).
/// </summary>
public abstract class AppInstallationsTests(StorageProvider provider) : IAsyncLifetime
{
    private StorageFixture storage = null!;

    public async Task InitializeAsync() => storage = await StorageFixture.CreateAsync(provider);

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task CandidatesAsync_VariousMembers_OnlyActiveUnreachableWithObjectIdAndNothingFinal()
    {
        var cell = await CellAsync();
        var unreachable = await MemberAsync(cell, objectId: true);
        var pending = await MemberAsync(cell, objectId: true);
        var noObjectId = await MemberAsync(cell, objectId: false);
        var reachable = await MemberAsync(cell, objectId: true, chat: true);
        var blocked = await MemberAsync(cell, objectId: true, chat: true, blocked: true);
        var exempt = await MemberAsync(cell, objectId: true, status: PartyActivityStatus.ExemptFromWorkAndActivities);
        var failed = await MemberAsync(cell, objectId: true);
        await RowAsync(pending.Id, AppInstallStatus.Pending);
        await RowAsync(failed.Id, AppInstallStatus.Failed);

        var candidates = await InScopeAsync(new Installer(), s => s.CandidatesAsync(CancellationToken.None));

        Assert.Equal(new[] { unreachable.Id, pending.Id }.Order(), candidates.Order());
        Assert.DoesNotContain(noObjectId.Id, candidates);
        Assert.DoesNotContain(reachable.Id, candidates);
        Assert.DoesNotContain(blocked.Id, candidates);
        Assert.DoesNotContain(exempt.Id, candidates);
        Assert.DoesNotContain(failed.Id, candidates);
    }

    [Fact]
    public async Task InstallAsync_RunTwice_InstallerAskedOnce()
    {
        var member = await MemberAsync(await CellAsync(), objectId: true);
        var installer = new Installer();

        var first = await InScopeAsync(installer, s => s.InstallAsync(member.Id, CancellationToken.None));
        var second = await InScopeAsync(installer, s => s.InstallAsync(member.Id, CancellationToken.None));

        Assert.Equal(AppInstallStep.Installed, first);
        Assert.Equal(AppInstallStep.Skipped, second);
        Assert.Equal([member.EntraObjectId!.Value], installer.Asked);
    }

    [Fact]
    public async Task FailuresByCellAsync_RefusedMember_ListedUnderTheirCellWithTheReason()
    {
        var cell = await CellAsync();
        var member = await MemberAsync(cell, objectId: true);
        var installer = new Installer { Answer = new AppInstallResult(AppInstallStatus.Failed, "404 NotFound") };

        var step = await InScopeAsync(installer, s => s.InstallAsync(member.Id, CancellationToken.None));
        var failures = await InScopeAsync(installer, s => s.FailuresByCellAsync(CancellationToken.None));

        Assert.Equal(AppInstallStep.Failed, step);
        var failure = Assert.Single(Assert.Single(failures, f => f.Key == cell).Value);
        Assert.Equal((member.Id, member.FullName, "404 NotFound"), (failure.MemberId, failure.FullName, failure.Reason));
    }

    private async Task<T> InScopeAsync<T>(Installer installer, Func<IAppInstallations, Task<T>> action)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var result = await action(new AppInstallations(db, installer, storage.Clock));
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    private async Task<Guid> CellAsync()
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var id = Guid.NewGuid();
        db.Organisations.Add(new Organisation { Id = id, Code = "CB-" + id.ToString("N")[..6], Name = "Chi bộ thử", Kind = OrganisationKind.GrassrootsCell });
        await db.SaveChangesAsync();
        return id;
    }

    private async Task<Member> MemberAsync(Guid cell, bool objectId, bool chat = false, bool blocked = false, PartyActivityStatus status = PartyActivityStatus.Active)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var id = Guid.NewGuid();
        var member = new Member
        {
            Id = id,
            Code = "M-" + id.ToString("N")[..8],
            FullName = "Đảng viên " + id.ToString("N")[..4],
            EntraObjectId = objectId ? Guid.NewGuid() : null,
            OfficialCellId = cell,
            AdmittedOn = new DateOnly(2010, 1, 1),
            ActivityStatus = status,
        };
        db.Members.Add(member);
        if (chat)
        {
            var now = storage.Clock.GetUtcNow();
            db.ConversationReferences.Add(new ConversationReferenceRecord
            {
                ChannelId = "msteams",
                ConversationId = "a:" + member.Code,
                UserId = "29:" + member.Code,
                UserAadObjectId = member.EntraObjectId!.Value.ToString().ToUpperInvariant(),
                ServiceUrl = "https://smba.trafficmanager.net/apac/",
                ConversationType = "personal",
                FirstSeenAt = now,
                LastSeenAt = now,
                WritesBlockedAt = blocked ? now : null,
            });
        }
        await db.SaveChangesAsync();
        return member;
    }

    private async Task RowAsync(Guid memberId, AppInstallStatus status)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        db.AppInstallations.Add(new AppInstallation { MemberId = memberId, Status = status, Attempts = 1, CreatedAt = storage.Clock.GetUtcNow(), UpdatedAt = storage.Clock.GetUtcNow() });
        await db.SaveChangesAsync();
    }

    private sealed class Installer : IAppInstaller
    {
        public List<Guid> Asked { get; } = [];

        public AppInstallResult Answer { get; init; } = new(AppInstallStatus.Installed);

        public Task<AppInstallResult> InstallAsync(Guid userObjectId, CancellationToken cancellationToken)
        {
            Asked.Add(userObjectId);
            return Task.FromResult(Answer);
        }
    }
}

public sealed class SqliteAppInstallationsTests() : AppInstallationsTests(StorageProvider.Sqlite);

public sealed class PostgresAppInstallationsTests() : AppInstallationsTests(StorageProvider.PostgreSQL);
