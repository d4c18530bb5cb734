using System.Text.Json.Nodes;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Notices;

/// <summary>
/// Replaces a posted card through the outbox, inside the caller's commit. When the original is still pending its
/// payload is replaced; once sent, older pending updates of it are deleted (the new one supersedes them) and an
/// update of the sent activity is added. Limit: when the original's first delivery is in flight at that very moment,
/// the sender may post the older content; the next update corrects it.
/// </summary>
internal sealed class ConversationPosts(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IConversationPosts
{
    public Task<bool> StageUpdateAsync(string postKey, JsonObject card, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        return StageUpdateAsync(postKey, _ => Task.FromResult(card), cancellationToken);
    }

    public async Task<bool> StageUpdateAsync(string postKey, Func<CancellationToken, Task<JsonObject>> buildCard, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(postKey);
        ArgumentNullException.ThrowIfNull(buildCard);
        if (!db.OutboundActivities.Local.Any(a => a.DedupeKey == postKey)
            && !await db.OutboundActivities.AnyAsync(a => a.DedupeKey == postKey, cancellationToken))
        {
            return false;
        }
        unitOfWork.Stage(async (context, ct) => await ReplaceAsync(context, postKey, NoticeMessage.Payload(await buildCard(ct)), ct));
        return true;
    }

    private async Task ReplaceAsync(KiemDiemDbContext context, string postKey, string payload, CancellationToken cancellationToken)
    {
        if (context.OutboundActivities.Local.SingleOrDefault(a => a.DedupeKey == postKey) is { } staged
            && context.Entry(staged).State == EntityState.Added)
        {
            staged.Payload = payload;
            return;
        }
        var replaced = await context.OutboundActivities
            .Where(a => a.DedupeKey == postKey && a.Status == OutboundActivityStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Payload, payload), cancellationToken);
        if (replaced > 0)
        {
            return;
        }
        var original = await context.OutboundActivities.AsNoTracking()
            .Where(a => a.DedupeKey == postKey)
            .Select(a => new { a.ChannelId, a.ConversationId, a.ServiceUrl, a.Status, a.SentActivityId })
            .SingleOrDefaultAsync(cancellationToken);
        if (original is not { Status: OutboundActivityStatus.Sent, SentActivityId: { } sentId })
        {
            // Failed or blocked: there is no message to update.
            return;
        }
        await context.OutboundActivities
            .Where(a => a.ChannelId == original.ChannelId && a.ConversationId == original.ConversationId
                && a.Operation == OutboundOperation.Update && a.TargetActivityId == sentId && a.Status == OutboundActivityStatus.Pending)
            .ExecuteDeleteAsync(cancellationToken);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        context.OutboundActivities.Add(new OutboundActivity
        {
            ChannelId = original.ChannelId,
            ConversationId = original.ConversationId,
            ServiceUrl = original.ServiceUrl,
            Operation = OutboundOperation.Update,
            TargetActivityId = sentId,
            Payload = payload,
            Status = OutboundActivityStatus.Pending,
            CreatedAtMs = now,
            NextAttemptAtMs = now,
        });
    }
}
