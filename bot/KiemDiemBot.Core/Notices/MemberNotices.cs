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
    /// <summary>Rows per INSERT: four parameters each, well under SQLite's and PostgreSQL's limits.</summary>
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
        var prefix = dedupeScope + ":";
        var sent = (await db.OutboundActivities.AsNoTracking()
                .Where(a => a.DedupeKey != null && a.DedupeKey.StartsWith(prefix))
                .Select(a => a.DedupeKey!)
                .ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);

        var rows = new List<NoticeRow>();
        var unreachable = new List<UnreachableMember>();
        var alreadySent = 0;
        foreach (var member in audience)
        {
            var key = prefix + member.MemberId.ToString("N");
            if (!chats.TryGetValue(member.MemberId, out var chat))
            {
                unreachable.Add(new UnreachableMember(member.MemberId, member.FullName));
            }
            else if (sent.Contains(key))
            {
                alreadySent++;
            }
            else
            {
                rows.Add(new NoticeRow(chat.ChannelId, chat.ConversationId, chat.ServiceUrl, key));
            }
        }
        if (rows.Count > 0)
        {
            var payload = NoticeMessage.Payload(card);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            unitOfWork.Stage((context, ct) => InsertAsync(context, rows, payload, now, ct));
        }
        return new NoticeFanOut(rows.Count, alreadySent, unreachable);
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

    /// <summary>Multi-row INSERT ... ON CONFLICT (dedupe_key) DO NOTHING, the same on PostgreSQL and SQLite.</summary>
    private static async Task InsertAsync(KiemDiemDbContext context, List<NoticeRow> rows, string payload, long now, CancellationToken cancellationToken)
    {
        foreach (var batch in rows.Chunk(BatchSize))
        {
            // {0} payload, {1} now, {2} operation, {3} status; then four per row. A placeholder used twice is one parameter.
            var parameters = new List<object> { payload, now, (int)OutboundOperation.Send, (int)OutboundActivityStatus.Pending };
            var sql = new StringBuilder(
                "INSERT INTO outbound_activities (channel_id, conversation_id, service_url, operation, payload, status, attempts, created_at_ms, next_attempt_at_ms, dedupe_key) VALUES ");
            for (var i = 0; i < batch.Length; i++)
            {
                var first = parameters.Count;
                parameters.AddRange([batch[i].ChannelId, batch[i].ConversationId, batch[i].ServiceUrl, batch[i].DedupeKey]);
                sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture,
                    $"({{{first}}}, {{{first + 1}}}, {{{first + 2}}}, {{2}}, {{0}}, {{3}}, 0, {{1}}, {{1}}, {{{first + 3}}})");
            }
            sql.Append(" ON CONFLICT (dedupe_key) DO NOTHING");
            await context.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        }
    }

    private sealed record Recipient(Guid MemberId, string FullName, string? EmailKey, Guid? EntraObjectId);

    private sealed record PersonalChat(string ChannelId, string ConversationId, string ServiceUrl);

    private sealed record NoticeRow(string ChannelId, string ConversationId, string ServiceUrl, string DedupeKey);
}
