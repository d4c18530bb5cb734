using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Identity;

/// <summary>
/// The identity side as the host wires it (<c>AddKiemDiemIdentity</c> over real storage and the real Connector
/// client), against the fake Teams Connector over HTTP, with the demo organisation loaded. Each turn is one
/// scope, committed through <see cref="IUnitOfWork"/> as the turn pipeline does.
/// </summary>
internal sealed class IdentityHarness : IAsyncDisposable
{
    public const string RosterContact = "Văn phòng Đảng ủy, vpdu@demo.kiemdiem.vn";

    private readonly OutboundHarness outbound;
    private readonly PostgresTestDatabase? postgres;
    private readonly SqliteTestDatabase? sqlite;

    private IdentityHarness(OutboundHarness outbound, PostgresTestDatabase? postgres, SqliteTestDatabase? sqlite)
    {
        this.outbound = outbound;
        this.postgres = postgres;
        this.sqlite = sqlite;
    }

    public FakeBotConnector Connector => outbound.Connector;

    public static async Task<IdentityHarness> StartAsync(StorageProvider provider, bool localMode = false, params string[] adminEmails)
    {
        var postgres = provider == StorageProvider.PostgreSQL ? await PostgresTestDatabase.CreateAsync() : null;
        var sqlite = postgres is null ? new SqliteTestDatabase() : null;
        var storage = new StorageOptions { Provider = provider, ConnectionString = postgres?.ConnectionString ?? sqlite!.ConnectionString };
        var settings = new Dictionary<string, string?> { ["Review:RosterContact"] = RosterContact };
        for (var i = 0; i < adminEmails.Length; i++)
        {
            settings[$"Review:AdminEmails:{i}"] = adminEmails[i];
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var outbound = await OutboundHarness.StartAsync(
            localMode: localMode, storage: storage, configure: services => services.AddKiemDiemIdentity(configuration));
        var harness = new IdentityHarness(outbound, postgres, sqlite);
        await using var scope = outbound.CreateScope();
        var seeded = await scope.ServiceProvider.GetRequiredService<IDemoOrganisationSeeder>().SeedAsync(CancellationToken.None);
        Assert.True(seeded.Succeeded);
        return harness;
    }

    /// <summary>One turn: resolves the writer, then commits the turn's unit of work.</summary>
    public async Task<TurnIdentity> ResolveAndCommitAsync(Activity activity)
    {
        await using var scope = outbound.CreateScope();
        var identity = await scope.ServiceProvider.GetRequiredService<TurnIdentityResolver>().ResolveAsync(activity, CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return identity;
    }

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = outbound.CreateScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Links the member with <paramref name="email"/> to <paramref name="objectId"/>, as an earlier turn would have.</summary>
    public async Task<Guid> LinkAsync(string email, Guid objectId)
    {
        await using var scope = outbound.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<ITurnMemberDirectory>();
        var member = await directory.FindByEmailAsync(email, CancellationToken.None);
        Assert.NotNull(member);
        directory.StageEntraObjectIdLink(member.MemberId, objectId, MemberLinkEvidence.Email);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
        return member.MemberId;
    }

    public async ValueTask DisposeAsync()
    {
        await outbound.DisposeAsync();
        if (postgres is not null)
        {
            await postgres.DisposeAsync();
        }
        sqlite?.Dispose();
    }
}
