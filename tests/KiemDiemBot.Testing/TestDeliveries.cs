using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>A member seeded for a fan-out, with the personal chat the bot knows for them (null: none).</summary>
public sealed record FanOutMember(Guid Id, string? ConversationId);

/// <summary>A member's delivery as stored.</summary>
public sealed record DeliveryRow(Guid MemberId, DeliveryStatus Status, int Attempts, string? LastError);

/// <summary>
/// Members for fan-out tests, seeded in bulk into one new cell: each reachable one with a stored Teams personal chat
/// at the given serviceUrl (as after their first message to the bot); and the deliveries that came of it.
/// </summary>
public static class TestDeliveries
{
    public static async Task<IReadOnlyList<FanOutMember>> SeedAsync(IServiceProvider services, int reachable, int unreachable, string serviceUrl)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var cell = new Organisation { Id = Guid.NewGuid(), Code = "FAN-" + tag, Name = "Chi bộ " + tag, Kind = OrganisationKind.GrassrootsCell };
        db.Organisations.Add(cell);
        var seeded = new List<FanOutMember>();
        for (var n = 1; n <= reachable + unreachable; n++)
        {
            var member = new Member
            {
                Id = Guid.NewGuid(),
                Code = $"{tag}-{n}",
                FullName = "Đảng viên " + n,
                Email = $"{tag}-{n}@test.kiemdiem.vn",
                EmailKey = $"{tag}-{n}@test.kiemdiem.vn",
                EntraObjectId = Guid.NewGuid(),
                OfficialCellId = cell.Id,
                AdmittedOn = new DateOnly(2010, 1, 1),
                ActivityStatus = PartyActivityStatus.Active,
            };
            db.Members.Add(member);
            string? conversationId = null;
            if (n <= reachable)
            {
                conversationId = $"a:{tag}-{n}";
                db.ConversationReferences.Add(PersonalChat(member.EntraObjectId.Value, conversationId, serviceUrl));
            }
            seeded.Add(new FanOutMember(member.Id, conversationId));
        }
        await db.SaveChangesAsync();
        return seeded;
    }

    /// <summary>The member writes to the bot for the first time: their personal chat is stored.</summary>
    public static async Task MakeReachableAsync(IServiceProvider services, Guid memberId, string conversationId, string serviceUrl)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var objectId = await db.Members.Where(m => m.Id == memberId).Select(m => m.EntraObjectId!.Value).SingleAsync();
        db.ConversationReferences.Add(PersonalChat(objectId, conversationId, serviceUrl));
        await db.SaveChangesAsync();
    }

    public static async Task<IReadOnlyList<DeliveryRow>> ReadAsync(IServiceProvider services, string occasion)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Deliveries.AsNoTracking()
            .Where(d => d.Occasion == occasion)
            .Select(d => new DeliveryRow(d.MemberId, d.Status, d.Attempts, d.LastError))
            .ToListAsync();
    }

    private static ConversationReferenceRecord PersonalChat(Guid objectId, string conversationId, string serviceUrl) => new()
    {
        ChannelId = "msteams",
        ConversationId = conversationId,
        UserId = "29:" + conversationId,
        UserAadObjectId = objectId.ToString(),
        ServiceUrl = serviceUrl,
        ConversationType = "personal",
        FirstSeenAt = DateTimeOffset.UnixEpoch,
        LastSeenAt = DateTimeOffset.UnixEpoch,
    };
}
