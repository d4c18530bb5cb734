using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Notices;

internal sealed class MemberNotices(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IMemberNotices
{
    /// <summary>Rows per statement: at most five parameters each, well under SQLite's and PostgreSQL's limits.</summary>
    internal const int BatchSize = 500;

    /// <summary>Up to this many members, their personal chats are looked up by id; above, all personal chats are read.</summary>
    internal const int SmallAudience = 1_000;

    private const string Personal = "personal";
    private const int MaxScopeLength = 200;

    public async Task<NoticeFanOut> StageToOrganisationAsync(Guid? organisationId, JsonObject card, string dedupeScope, CancellationToken cancellationToken)
    {
        var members = db.Members.AsNoTracking().Where(m => m.ActivityStatus == PartyActivityStatus.Active);
        if (organisationId is { } root)
        {
            var organisations = await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToListAsync(cancellationToken);
            var children = organisations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value, o => o.Id);
            var subtree = new HashSet<Guid>();
            var pending = new Stack<Guid>([root]);
            while (pending.TryPop(out var id))
            {
                if (subtree.Add(id))
                {
                    foreach (var child in children[id])
                    {
                        pending.Push(child);
                    }
                }
            }
            var cells = subtree.ToList();
            members = members.Where(m => cells.Contains(m.OfficialCellId));
        }
        return await StageAsync(members, card, dedupeScope, cancellationToken);
    }

    public Task<NoticeFanOut> StageToMembersAsync(IReadOnlyCollection<Guid> memberIds, JsonObject card, string dedupeScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(memberIds);
        var ids = memberIds.Distinct().ToList();
        return StageAsync(db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)), card, dedupeScope, cancellationToken);
    }

    private async Task<NoticeFanOut> StageAsync(IQueryable<Member> members, JsonObject card, string dedupeScope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(dedupeScope);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dedupeScope.Length, MaxScopeLength, nameof(dedupeScope));
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        var audience = (await members
                .Select(m => new Recipient(m.Id, m.FullName, m.EmailKey, m.EntraObjectId))
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.FullName, byName)
            .ThenBy(m => m.MemberId)
            .ToList();
        var chats = await PersonalChatsAsync(audience, cancellationToken);
        // "Already sent" is the member's delivery on this occasion: deliveries are kept for the whole cycle, where the
        // outbox rows (and their dedupe keys) are pruned after a few days.
        var recorded = (await db.Deliveries.AsNoTracking()
                .Where(d => d.Occasion == dedupeScope)
                .Select(d => new { d.MemberId, d.Status })
                .ToListAsync(cancellationToken))
            .ToDictionary(d => d.MemberId, d => d.Status);

        var fresh = new List<NoticeRow>();
        var nowReachable = new List<NoticeRow>();
        var unreachable = new List<UnreachableMember>();
        var newlyUnreachable = new List<Guid>();
        var alreadySent = 0;
        foreach (var member in audience)
        {
            var known = recorded.TryGetValue(member.MemberId, out var status);
            if (!chats.TryGetValue(member.MemberId, out var chat))
            {
                unreachable.Add(new UnreachableMember(member.MemberId, member.FullName));
                if (!known)
                {
                    newlyUnreachable.Add(member.MemberId);
                }
                continue;
            }
            var row = new NoticeRow(member.MemberId, chat.ChannelId, chat.ConversationId, chat.ServiceUrl, dedupeScope + ":" + member.MemberId.ToString("N"));
            if (!known)
            {
                fresh.Add(row);
            }
            else if (status == DeliveryStatus.Unreachable)
            {
                // Unreachable when the occasion was first staged, reachable now: their message goes out now.
                nowReachable.Add(row);
            }
            else
            {
                alreadySent++;
            }
        }
        if (fresh.Count > 0 || nowReachable.Count > 0 || newlyUnreachable.Count > 0)
        {
            var payload = NoticeMessage.Payload(card);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            unitOfWork.Stage((context, ct) => InsertAsync(context, dedupeScope, fresh, nowReachable, newlyUnreachable, payload, now, ct));
        }
        return new NoticeFanOut(fresh.Count + nowReachable.Count, alreadySent, unreachable);
    }

    /// <summary>
    /// Each member's most recently seen personal chat with the bot that is not blocked: found by the Entra object id
    /// (Teams) or by the user id being the member's e-mail (the local channel), as the progress card counts reachability.
    /// </summary>
    private async Task<Dictionary<Guid, PersonalChat>> PersonalChatsAsync(List<Recipient> audience, CancellationToken cancellationToken)
    {
        var byObjectId = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var byEmail = new Dictionary<string, Guid>(StringComparer.Ordinal);
        foreach (var member in audience)
        {
            if (member.EntraObjectId is { } objectId)
            {
                byObjectId[objectId.ToString("D")] = member.MemberId;
            }
            if (member.EmailKey is { } email)
            {
                byEmail[email] = member.MemberId;
            }
        }
        var personal = db.ConversationReferences.AsNoTracking().Where(r => r.ConversationType == Personal && r.WritesBlockedAt == null);
        if (audience.Count <= SmallAudience)
        {
            // A cell's reminder: ask only for these members' chats. A big audience reads every personal chat at once
            // instead (one row per user of the bot), cheaper than matching thousands of ids in the database.
            var objectIds = byObjectId.Keys.ToList();
            var emails = byEmail.Keys.ToList();
            personal = personal.Where(r => (r.UserAadObjectId != null && objectIds.Contains(r.UserAadObjectId.ToLower())) || emails.Contains(r.UserId.ToLower()));
        }
        var references = await personal
            .Select(r => new { r.ChannelId, r.ConversationId, r.ServiceUrl, r.UserAadObjectId, r.UserId, r.LastSeenAt })
            .ToListAsync(cancellationToken);
        var chats = new Dictionary<Guid, (PersonalChat Chat, DateTimeOffset Seen)>();
        foreach (var reference in references)
        {
            Guid? memberId = reference.UserAadObjectId is { } objectId && byObjectId.TryGetValue(objectId, out var byObject) ? byObject
                : Member.ToEmailKey(reference.UserId) is { } email && byEmail.TryGetValue(email, out var byMail) ? byMail
                : null;
            if (memberId is { } id && (!chats.TryGetValue(id, out var known) || reference.LastSeenAt > known.Seen))
            {
                chats[id] = (new PersonalChat(reference.ChannelId, reference.ConversationId, reference.ServiceUrl), reference.LastSeenAt);
            }
        }
        return chats.ToDictionary(c => c.Key, c => c.Value.Chat);
    }

    /// <summary>
    /// Inside the commit: the deliveries first (INSERT ... ON CONFLICT (occasion, member_id) DO NOTHING RETURNING, and
    /// the Unreachable ones that became reachable taken back to Pending with UPDATE ... RETURNING), then one outbox row
    /// for each delivery this transaction created or took, carrying its id. A concurrent stage of the same occasion (a
    /// second instance's tick) gets nothing back for the members the other one has, so nobody is staged twice. The
    /// same SQL on PostgreSQL and SQLite; batches keep the parameters well under both providers' limits.
    /// </summary>
    private static async Task InsertAsync(
        KiemDiemDbContext context, string occasion, List<NoticeRow> fresh, List<NoticeRow> nowReachable, List<Guid> newlyUnreachable,
        string payload, long now, CancellationToken cancellationToken)
    {
        var staged = new HashSet<Guid>();
        foreach (var batch in fresh.Chunk(BatchSize))
        {
            staged.UnionWith(await InsertDeliveriesAsync(context, occasion, [.. batch.Select(r => r.MemberId)], DeliveryStatus.Pending, now, cancellationToken));
        }
        foreach (var batch in nowReachable.Chunk(BatchSize))
        {
            staged.UnionWith(await TakeUnreachableAsync(context, occasion, [.. batch.Select(r => r.MemberId)], now, cancellationToken));
        }
        foreach (var batch in newlyUnreachable.Chunk(BatchSize))
        {
            await InsertDeliveriesAsync(context, occasion, batch, DeliveryStatus.Unreachable, now, cancellationToken);
        }
        foreach (var batch in fresh.Concat(nowReachable).Where(r => staged.Contains(r.MemberId)).Chunk(BatchSize))
        {
            await InsertOutboxRowsAsync(context, occasion, batch, payload, now, cancellationToken);
        }
    }

    /// <summary>The members whose delivery this statement created (not those another transaction created first).</summary>
    private static Task<List<Guid>> InsertDeliveriesAsync(
        KiemDiemDbContext context, string occasion, Guid[] members, DeliveryStatus status, long now, CancellationToken cancellationToken)
    {
        // {0} occasion, {1} status, {2} now; then one per member.
        var parameters = new List<object> { occasion, (int)status, now };
        var sql = new StringBuilder("INSERT INTO deliveries (occasion, member_id, status, attempts, created_at_ms, updated_at_ms) VALUES ");
        for (var i = 0; i < members.Length; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{0}}, {{{parameters.Count}}}, {{1}}, 0, {{2}}, {{2}})");
            parameters.Add(members[i]);
        }
        sql.Append(" ON CONFLICT (occasion, member_id) DO NOTHING RETURNING member_id AS \"Value\"");
        return context.Database.SqlQueryRaw<Guid>(sql.ToString(), [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>The members whose Unreachable delivery this statement took back to Pending.</summary>
    private static Task<List<Guid>> TakeUnreachableAsync(KiemDiemDbContext context, string occasion, Guid[] members, long now, CancellationToken cancellationToken)
    {
        // {0} occasion, {1} Pending, {2} now, {3} Unreachable; then one per member.
        var parameters = new List<object> { occasion, (int)DeliveryStatus.Pending, now, (int)DeliveryStatus.Unreachable };
        var list = string.Join(", ", members.Select((_, i) => "{" + (i + 4).ToString(CultureInfo.InvariantCulture) + "}"));
        parameters.AddRange(members.Cast<object>());
        var sql = "UPDATE deliveries SET status = {1}, updated_at_ms = {2} WHERE occasion = {0} AND status = {3} AND member_id IN ("
            + list + ") RETURNING member_id AS \"Value\"";
        return context.Database.SqlQueryRaw<Guid>(sql, [.. parameters]).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Multi-row INSERT of the outbox rows, each with its delivery's id (looked up by the unique (occasion, member_id));
    /// ON CONFLICT (dedupe_key) DO NOTHING keeps the dedupe key's promise to callers that still rely on it.
    /// </summary>
    private static Task InsertOutboxRowsAsync(KiemDiemDbContext context, string occasion, NoticeRow[] batch, string payload, long now, CancellationToken cancellationToken)
    {
        // {0} payload, {1} now, {2} operation, {3} status, {4} occasion; then five per row. A placeholder used twice is one parameter.
        var parameters = new List<object> { payload, now, (int)OutboundOperation.Send, (int)OutboundActivityStatus.Pending, occasion };
        var sql = new StringBuilder(
            "INSERT INTO outbound_activities (channel_id, conversation_id, service_url, operation, payload, status, attempts, created_at_ms, next_attempt_at_ms, dedupe_key, delivery_id) VALUES ");
        for (var i = 0; i < batch.Length; i++)
        {
            var first = parameters.Count;
            parameters.AddRange([batch[i].ChannelId, batch[i].ConversationId, batch[i].ServiceUrl, batch[i].DedupeKey, batch[i].MemberId]);
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                $"({{{first}}}, {{{first + 1}}}, {{{first + 2}}}, {{2}}, {{0}}, {{3}}, 0, {{1}}, {{1}}, {{{first + 3}}}, (SELECT id FROM deliveries WHERE occasion = {{4}} AND member_id = {{{first + 4}}}))");
        }
        sql.Append(" ON CONFLICT (dedupe_key) DO NOTHING");
        return context.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
    }

    private sealed record Recipient(Guid MemberId, string FullName, string? EmailKey, Guid? EntraObjectId);

    private sealed record PersonalChat(string ChannelId, string ConversationId, string ServiceUrl);

    private sealed record NoticeRow(Guid MemberId, string ChannelId, string ConversationId, string ServiceUrl, string DedupeKey);
}
