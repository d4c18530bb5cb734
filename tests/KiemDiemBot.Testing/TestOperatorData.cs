using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>What <see cref="TestOperatorData.SeedAsync"/> put in the database for the operator page to show.</summary>
/// <param name="MessageText">Text of the failed turn's and the failed send's payloads: never to be shown.</param>
public sealed record OperatorScene(
    string CellName, string SubmittedName, string ReachableName, string UnreachableName, string UnreachableEmail,
    long FailedDeliveryId, long FailedTurnId, long FailedSendId, string MessageText);

/// <summary>
/// An operator's day, seeded straight into the tables: the 2026 cycle open, one cell of three members (one submitted
/// their self-review, one has a personal chat with the bot, one has none), a meeting, a failed member delivery, a
/// failed turn and a failed send, the last two carrying message text that must never reach the operator page.
/// </summary>
public static class TestOperatorData
{
    public static async Task<OperatorScene> SeedAsync(IServiceProvider services, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        const string secret = "Nội dung riêng tư không được hiện 9f3a";
        var cycle = new ReviewCycle { Id = Guid.NewGuid(), Year = 2026, RuleSetCode = RuleSetCodes.Hd21Of2022, CreatedAt = now, OpenedAt = now };
        var cell = new Organisation { Id = Guid.NewGuid(), Code = "VH-01", Name = "Chi bộ Vận hành thử", Kind = OrganisationKind.GrassrootsCell };
        db.ReviewCycles.Add(cycle);
        db.Organisations.Add(cell);
        Member Person(string code, string name, string email) => new()
        {
            Id = Guid.NewGuid(),
            Code = code,
            FullName = name,
            Email = email,
            EmailKey = email,
            EntraObjectId = Guid.NewGuid(),
            OfficialCellId = cell.Id,
            Membership = MembershipKind.Official,
            AdmittedOn = new DateOnly(2010, 1, 1),
            ActivityStatus = PartyActivityStatus.Active,
        };
        var submitted = Person("VH-1", "Trần Thị Đã Nộp", "da.nop@test.kiemdiem.vn");
        var reachable = Person("VH-2", "Lê Văn Liên Lạc", "lien.lac@test.kiemdiem.vn");
        var unreachable = Person("VH-3", "Hoàng Thị Chưa Mở", "chua.mo@test.kiemdiem.vn");
        db.Members.AddRange(submitted, reachable, unreachable);
        foreach (var member in new[] { submitted, reachable })
        {
            db.ConversationReferences.Add(new ConversationReferenceRecord
            {
                ChannelId = "msteams",
                ConversationId = "a:operator-" + member.Code,
                UserId = "29:operator-" + member.Code,
                UserAadObjectId = member.EntraObjectId!.Value.ToString(),
                ServiceUrl = "https://smba.trafficmanager.net/amer/",
                ConversationType = "personal",
                FirstSeenAt = now,
                LastSeenAt = now,
            });
        }
        db.SelfReviews.Add(new SelfReview
        {
            Id = Guid.NewGuid(),
            MemberId = submitted.Id,
            CycleId = cycle.Id,
            Version = 1,
            Status = SelfReviewStatus.Submitted,
            AnswersJson = "{}",
            SubmittedAt = now,
            CreatedAt = now,
            UpdatedAt = now,
        });
        db.ReviewMeetings.Add(new ReviewMeeting
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            OrganisationId = cell.Id,
            StartsAt = now.AddDays(3),
            EndsAt = now.AddDays(3).AddHours(3),
            CreatedAt = now,
            UpdatedAt = now,
        });
        var nowMs = now.ToUnixTimeMilliseconds();
        var delivery = new Delivery
        {
            Occasion = $"reminder:{cycle.Id}:2026-12-01:3",
            MemberId = reachable.Id,
            Status = DeliveryStatus.Failed,
            Attempts = 5,
            LastError = "503",
            CreatedAtMs = nowMs,
            UpdatedAtMs = nowMs,
        };
        db.Deliveries.Add(delivery);
        var turn = new InboundActivity
        {
            ChannelId = "msteams",
            ConversationId = "a:operator-VH-2",
            ActivityId = "operator-turn-1",
            ActivityType = "message",
            Payload = $$"""{"type":"message","text":"{{secret}}"}""",
            Status = InboundActivityStatus.Failed,
            Attempts = 5,
            ReceivedAtMs = nowMs,
            NextAttemptAtMs = nowMs,
            CompletedAtMs = nowMs,
        };
        db.InboundActivities.Add(turn);
        var send = new OutboundActivity
        {
            ChannelId = "msteams",
            ConversationId = "a:operator-VH-2",
            ServiceUrl = "https://smba.trafficmanager.net/amer/",
            Operation = OutboundOperation.Send,
            Payload = $$"""{"type":"message","text":"{{secret}}"}""",
            Status = OutboundActivityStatus.Failed,
            Attempts = 5,
            CreatedAtMs = nowMs,
            NextAttemptAtMs = nowMs,
        };
        db.OutboundActivities.Add(send);
        await db.SaveChangesAsync();
        return new OperatorScene(cell.Name, submitted.FullName, reachable.FullName, unreachable.FullName, unreachable.Email!, delivery.Id, turn.Id, send.Id, secret);
    }
}
