using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Exports;

internal sealed class BallotExportScope(KiemDiemDbContext db) : IBallotExportScope
{
    public async Task<IReadOnlyList<ClosedBallotRef>> ClosedInChatAsync(MeetingConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var closed = await db.Ballots.AsNoTracking()
            .Where(b => b.ChannelId == conversation.ChannelId && b.ConversationId == conversation.ConversationId && b.State == BallotState.Closed)
            .Join(db.Organisations, b => b.BodyId, o => o.Id, (b, o) => new { b.Id, b.CycleId, b.BodyId, o.Name, b.ClosedAt })
            .Join(db.ReviewCycles, x => x.CycleId, c => c.Id, (x, c) => new { x.Id, x.CycleId, x.BodyId, x.Name, x.ClosedAt, c.Year })
            .ToListAsync(cancellationToken);
        // Ordered here: SQLite cannot order by a DateTimeOffset column.
        return [.. closed.OrderByDescending(b => b.ClosedAt).Select(b => new ClosedBallotRef(b.Id, b.CycleId, b.BodyId, b.Name, b.Year))];
    }

    public async Task<ClosedBallotRef?> ClosedAsync(Guid ballotId, CancellationToken cancellationToken)
    {
        var found = await db.Ballots.AsNoTracking()
            .Where(b => b.Id == ballotId && b.State == BallotState.Closed)
            .Join(db.Organisations, b => b.BodyId, o => o.Id, (b, o) => new { b.Id, b.CycleId, b.BodyId, o.Name })
            .Join(db.ReviewCycles, x => x.CycleId, c => c.Id, (x, c) => new { x.Id, x.CycleId, x.BodyId, x.Name, c.Year })
            .FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : new ClosedBallotRef(found.Id, found.CycleId, found.BodyId, found.Name, found.Year);
    }

    public async Task<bool> LeadsAsync(TurnMember member, Guid bodyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var led = LedIds(member);
        if (led.Count == 0)
        {
            return false;
        }
        var parents = await ParentsAsync(cancellationToken);
        for (Guid? id = bodyId; id is { } key && parents.ContainsKey(key); id = parents[key])
        {
            if (led.Contains(key))
            {
                return true;
            }
        }
        return false;
    }

    public Task<string?> OrganisationNameAsync(Guid organisationId, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<ExportableBody>> BodiesLedAsync(TurnMember member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var led = LedIds(member).ToList();
        if (led.Count == 0)
        {
            return [];
        }
        var parents = await ParentsAsync(cancellationToken);
        var names = await db.Organisations.AsNoTracking().Where(o => led.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        int Depth(Guid id)
        {
            var depth = 0;
            for (var parent = parents.GetValueOrDefault(id); parent is { } key; parent = parents.GetValueOrDefault(key))
            {
                depth++;
            }
            return depth;
        }
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        return [.. names.OrderBy(n => Depth(n.Key)).ThenBy(n => n.Value, byName).Select(n => new ExportableBody(n.Key, n.Value))];
    }

    private static HashSet<Guid> LedIds(TurnMember member) =>
        [.. member.Roles
            .Where(r => r.Kind is MemberRoleKind.Secretary or MemberRoleKind.DeputySecretary && r.OrganisationId is not null)
            .Select(r => r.OrganisationId!.Value)];

    private async Task<Dictionary<Guid, Guid?>> ParentsAsync(CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().Select(o => new { o.Id, o.ParentId }).ToDictionaryAsync(o => o.Id, o => o.ParentId, cancellationToken);
}
