using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Identity;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Identity;

/// <summary>Who wrote a turn, on both providers, against the fake Teams Connector over HTTP.</summary>
public abstract class TurnIdentityResolverTests(StorageProvider provider)
{
    private const string MemberCall = "GetConversationMember";
    private const string TechnologyCellSecretaryEmail = "tuan.le@" + DemoOrganisation.EmailDomain;

    [Fact]
    public async Task ResolveAsync_TeamsUserWithStoredObjectId_IsKnownWithoutAskingTheConnector()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var objectId = Guid.NewGuid();
        var memberId = await harness.LinkAsync(DemoOrganisation.LeaderEmail, objectId);
        var user = TeamsUser.Create(harness, objectId, email: DemoOrganisation.LeaderEmail);

        var identity = await harness.ResolveAndCommitAsync(user.Message());

        Assert.Equal(TurnIdentitySource.EntraObjectId, identity.Source);
        Assert.Equal(memberId, identity.Member?.MemberId);
        Assert.Contains(identity.Member!.Roles, r => r.Kind == MemberRoleKind.Secretary);
        Assert.Equal(0, harness.Connector.CountRequests(MemberCall));
    }

    [Fact]
    public async Task ResolveAsync_TeamsUserMatchedByEmail_LinksObjectIdAuditedAtCommitAndNextTurnNeedsNoMemberCall()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var objectId = Guid.NewGuid();
        var user = TeamsUser.Create(harness, objectId, email: "Tuan.Le@DEMO.kiemdiem.vn", userPrincipalName: "tle@tenant.onmicrosoft.com");

        var first = await harness.ResolveAndCommitAsync(user.Message());
        var second = await harness.ResolveAndCommitAsync(user.Message());

        Assert.Equal(TurnIdentitySource.TeamsEmail, first.Source);
        Assert.Equal(TechnologyCellSecretaryEmail, first.Member?.Email);
        Assert.Equal(TurnIdentitySource.EntraObjectId, second.Source);
        Assert.Equal(first.Member!.MemberId, second.Member?.MemberId);
        Assert.Equal(1, harness.Connector.CountRequests(MemberCall));
        var audit = Assert.Single(await AuditOfAsync(harness, first.Member.MemberId));
        Assert.Equal(AuditFields.MemberEntraObjectId, audit.Field);
        Assert.Null(audit.From);
        Assert.Equal(objectId.ToString(), audit.To);
        Assert.StartsWith("system", audit.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResolveAsync_MatchedButNotCommitted_StoresNoLink()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var objectId = Guid.NewGuid();
        var user = TeamsUser.Create(harness, objectId, email: TechnologyCellSecretaryEmail);

        var identity = await harness.InScopeAsync(services =>
            services.GetRequiredService<TurnIdentityResolver>().ResolveAsync(user.Message(), CancellationToken.None));

        Assert.Equal(TurnIdentitySource.TeamsEmail, identity.Source);
        Assert.Null(await harness.InScopeAsync(services =>
            services.GetRequiredService<ITurnMemberDirectory>().FindByEntraObjectIdAsync(objectId, CancellationToken.None)));
        Assert.Empty(await AuditOfAsync(harness, identity.Member!.MemberId));
    }

    [Fact]
    public async Task ResolveAsync_TeamsUserWithoutEmailMatchedByUserPrincipalName_LinksObjectId()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var objectId = Guid.NewGuid();
        var user = TeamsUser.Create(harness, objectId, email: null, userPrincipalName: "  MAI.TRAN@demo.kiemdiem.vn");

        var identity = await harness.ResolveAndCommitAsync(user.Message());

        Assert.Equal(TurnIdentitySource.TeamsUserPrincipalName, identity.Source);
        Assert.Equal("mai.tran@" + DemoOrganisation.EmailDomain, identity.Member?.Email);
        Assert.Contains(identity.Member!.Roles, r => r.Kind == MemberRoleKind.DeputySecretary);
        var audit = Assert.Single(await AuditOfAsync(harness, identity.Member.MemberId));
        Assert.Equal("matched:" + MemberLinkEvidence.UserPrincipalName, audit.Reason);
        var linked = await harness.InScopeAsync(services =>
            services.GetRequiredService<ITurnMemberDirectory>().FindByEntraObjectIdAsync(objectId, CancellationToken.None));
        Assert.Equal(identity.Member.MemberId, linked?.MemberId);
    }

    [Fact]
    public async Task ResolveAsync_TeamsUserOnNoRoster_IsNotOnRosterGetsTheContactCardAndNothingIsStored()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var objectId = Guid.NewGuid();
        var user = TeamsUser.Create(harness, objectId, email: "khach@other.example", userPrincipalName: "khach@other.example", name: "Khách Mời");
        var message = user.Message();

        var identity = await harness.ResolveAndCommitAsync(message);
        var reply = await harness.InScopeAsync(services =>
            Task.FromResult(services.GetRequiredService<TurnIdentityResolver>().NotOnRosterReply(message)));

        Assert.False(identity.IsOnRoster);
        Assert.Equal(TurnIdentitySource.NotOnRoster, identity.Source);
        Assert.Null(reply.Text);
        Assert.Null(reply.UpdateActivityId);
        Assert.True(JsonNode.DeepEquals(
            NotOnRosterCard.Build(new NotOnRosterCardInput("Khách Mời", IdentityHarness.RosterContact)), reply.Card));
        Assert.Contains(IdentityHarness.RosterContact, reply.Card!.ToJsonString(ProtocolJson.Options), StringComparison.Ordinal);
        Assert.Null(await harness.InScopeAsync(services =>
            services.GetRequiredService<ITurnMemberDirectory>().FindByEntraObjectIdAsync(objectId, CancellationToken.None)));
    }

    [Fact]
    public async Task ResolveAsync_ConnectorAnswersMemberNotFound_IsNotOnRoster()
    {
        await using var harness = await IdentityHarness.StartAsync(provider);
        var user = TeamsUser.Create(harness, Guid.NewGuid(), email: DemoOrganisation.LeaderEmail, inConversation: false);

        var identity = await harness.ResolveAndCommitAsync(user.Message());

        Assert.Equal(TurnIdentitySource.NotOnRoster, identity.Source);
        var request = Assert.Single(harness.Connector.Requests, r => r.Operation == MemberCall);
        Assert.Equal(404, request.Status);
        Assert.True(request.HadAuthorization);
    }

    [Fact]
    public async Task ResolveAsync_LocalModeDirectLineUser_IsFoundByEmailIgnoringCase()
    {
        await using var harness = await IdentityHarness.StartAsync(provider, localMode: true);

        var identity = await harness.ResolveAndCommitAsync(LocalMessage(" Tuan.LE@demo.kiemdiem.vn"));

        Assert.Equal(TurnIdentitySource.LocalEmail, identity.Source);
        Assert.Equal(TechnologyCellSecretaryEmail, identity.Member?.Email);
        var role = Assert.Single(identity.Member!.Roles);
        Assert.Equal(MemberRoleKind.Secretary, role.Kind);
        Assert.Equal(identity.Member.OfficialCellId, role.OrganisationId);
        Assert.Empty(harness.Connector.Requests);
    }

    [Fact]
    public async Task ResolveAsync_LocalModeUnknownEmail_IsNotOnRoster()
    {
        await using var harness = await IdentityHarness.StartAsync(provider, localMode: true);

        var identity = await harness.ResolveAndCommitAsync(LocalMessage("khach@other.example"));

        Assert.Equal(TurnIdentitySource.NotOnRoster, identity.Source);
        Assert.Null(identity.Member);
    }

    [Fact]
    public async Task ResolveAsync_LocalModeOtherChannel_DoesNotTrustTheUserIdAsEmail()
    {
        await using var harness = await IdentityHarness.StartAsync(provider, localMode: true);
        var message = LocalMessage(DemoOrganisation.LeaderEmail);
        message.ChannelId = "webchat";

        var identity = await harness.ResolveAndCommitAsync(message);

        Assert.Equal(TurnIdentitySource.NotOnRoster, identity.Source);
    }

    [Fact]
    public async Task ResolveAsync_MemberOnAdminList_HasAdminRoleBesideTheirPosts()
    {
        await using var harness = await IdentityHarness.StartAsync(provider, localMode: true, adminEmails: ["  TUAN.le@demo.kiemdiem.vn "]);

        var admin = await harness.ResolveAndCommitAsync(LocalMessage(TechnologyCellSecretaryEmail));
        var other = await harness.ResolveAndCommitAsync(LocalMessage(DemoOrganisation.ProbationaryEmail));

        Assert.Equal([MemberRoleKind.Secretary, MemberRoleKind.Admin], admin.Member!.Roles.Select(r => r.Kind));
        Assert.Null(admin.Member.Roles.Single(r => r.Kind == MemberRoleKind.Admin).OrganisationId);
        Assert.Empty(other.Member!.Roles);
    }

    private static Activity LocalMessage(string email) => new()
    {
        Type = ActivityTypes.Message,
        Id = Guid.NewGuid().ToString("N"),
        ChannelId = LocalChannelService.ChannelId,
        ServiceUrl = "http://localhost:3978/",
        From = new ChannelAccount { Id = email, Name = "Local", Role = "user" },
        Conversation = new ConversationAccount { Id = "local-" + Guid.NewGuid().ToString("N"), ConversationType = "personal" },
        Text = "trợ giúp",
    };

    private static Task<IReadOnlyList<AuditRecord>> AuditOfAsync(IdentityHarness harness, Guid memberId) =>
        harness.InScopeAsync(services =>
            services.GetRequiredService<IAuditTrail>().ListAsync(AuditSubjectKind.Member, memberId, CancellationToken.None));

    /// <summary>A Teams user in their personal chat with the bot, as the Connector knows them.</summary>
    private sealed record TeamsUser(string ServiceUrl, string ConversationId, string UserId, Guid ObjectId, string? Name)
    {
        public static TeamsUser Create(
            IdentityHarness harness, Guid objectId, string? email, string? userPrincipalName = null, string? name = "Người dùng Teams", bool inConversation = true)
        {
            var user = new TeamsUser(harness.Connector.ServiceUrl, "a:1" + Guid.NewGuid().ToString("N"), "29:1" + Guid.NewGuid().ToString("N"), objectId, name);
            TeamsChannelAccount[] members = inConversation
                ? [new TeamsChannelAccount
                {
                    Id = user.UserId,
                    Name = name,
                    AadObjectId = objectId.ToString(),
                    Email = email,
                    UserPrincipalName = userPrincipalName ?? email,
                    UserRole = "user",
                    TenantId = Fakes.OutboundHarness.TenantId,
                }]
                : [];
            harness.Connector.AddConversation(user.ConversationId, members);
            return user;
        }

        public Activity Message() => new()
        {
            Type = ActivityTypes.Message,
            Id = Inbound.TestScene.NewActivityId(),
            ChannelId = "msteams",
            ServiceUrl = ServiceUrl,
            From = new ChannelAccount { Id = UserId, Name = Name, AadObjectId = ObjectId.ToString() },
            Recipient = new ChannelAccount { Id = "28:" + Fakes.OutboundHarness.AppId, Name = "KiemDiemBot" },
            Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = Fakes.OutboundHarness.TenantId },
            Text = "trợ giúp",
        };
    }
}

public sealed class SqliteTurnIdentityResolverTests() : TurnIdentityResolverTests(StorageProvider.Sqlite);

public sealed class PostgresTurnIdentityResolverTests() : TurnIdentityResolverTests(StorageProvider.PostgreSQL);
