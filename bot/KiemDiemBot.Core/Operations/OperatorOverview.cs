using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Operations;

/// <summary>What the operator page shows: the open cycle per organisation, who cannot be reached, and what failed.</summary>
public interface IOperatorOverview
{
    /// <summary>How many recent failures of each kind are listed.</summary>
    public const int RecentCount = 20;

    Task<OperatorOverviewView> GetAsync(CancellationToken cancellationToken);
}

/// <summary>The operator's view of the bot. Ids, counts, states and technical codes; never message text.</summary>
/// <param name="CycleYear">The open cycle's year; null when no cycle is open (then <paramref name="Organisations"/> is empty).</param>
public sealed record OperatorOverviewView(
    int? CycleYear,
    DateTimeOffset? CycleOpenedAt,
    IReadOnlyList<OrganisationCycleStatus> Organisations,
    IReadOnlyList<UnreachableMemberLine> Unreachable,
    FailureList FailedTurns,
    FailureList FailedMemberDeliveries,
    FailureList FailedSends);

/// <summary>One organisation in the open cycle: its own members' self-reviews, its meetings and ballots.</summary>
/// <param name="Members">Members whose official cell it is (people who left the directory not counted).</param>
/// <param name="Submitted">Of those, the ones who submitted their self-review in this cycle.</param>
/// <param name="Meetings">Review meetings not cancelled.</param>
/// <param name="NextMeetingStartsAt">The first of them to start (earliest).</param>
public sealed record OrganisationCycleStatus(
    Guid Id, string Code, string Name, OrganisationKind Kind,
    int Members, int Submitted, int Meetings, DateTimeOffset? NextMeetingStartsAt, int OpenBallots, int ClosedBallots)
{
    public int Missing => Members - Submitted;
}

/// <summary>Why the bot cannot write to a member.</summary>
public enum UnreachableReason
{
    /// <summary>No personal chat with the bot is known: the member never opened it and it was not installed for them.</summary>
    NoPersonalChat,

    /// <summary>The member's chat refuses the bot (blocked or uninstalled).</summary>
    ChatBlocked,

    /// <summary>No personal chat, and installing the app for them failed (its last error code is given).</summary>
    InstallFailed,
}

/// <param name="Detail">A technical code (an installation's last error), never text a person wrote.</param>
public sealed record UnreachableMemberLine(Guid OrganisationId, string OrganisationName, Guid MemberId, string MemberCode, string FullName, UnreachableReason Reason, string? Detail);

/// <summary>A count of failed rows of one kind and the most recent of them.</summary>
public sealed record FailureList(int Failed, int Blocked, IReadOnlyList<FailureLine> Recent);

/// <summary>One failed row, by id and time.</summary>
/// <param name="Kind">What it was: the activity type of a turn, the operation of a send, the occasion kind of a member delivery.</param>
/// <param name="Code">A technical code: the last error of a delivery; null when none is recorded.</param>
public sealed record FailureLine(long Id, DateTimeOffset At, string Kind, string Status, int Attempts, string? Code);

internal sealed class OperatorOverview(KiemDiemDbContext db) : IOperatorOverview
{
    private const int RecentCount = IOperatorOverview.RecentCount;

    private const string Personal = "personal";

    public async Task<OperatorOverviewView> GetAsync(CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.AsNoTracking()
            .Where(c => c.OpenedAt != null)
            .OrderByDescending(c => c.Year)
            .Select(c => new { c.Id, c.Year, c.OpenedAt })
            .FirstOrDefaultAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Code)
            .Select(o => new { o.Id, o.Code, o.Name, o.Kind })
            .ToListAsync(cancellationToken);
        var members = await db.Members.AsNoTracking()
            .Where(m => m.LeftDirectoryAt == null)
            .Select(m => new { m.Id, m.Code, m.FullName, m.OfficialCellId, m.EntraObjectId, m.EmailKey })
            .ToListAsync(cancellationToken);

        List<OrganisationCycleStatus> statuses = [];
        if (cycle is not null)
        {
            var submitted = (await db.SelfReviews.AsNoTracking()
                .Where(r => r.CycleId == cycle.Id && r.SubmittedAt != null)
                .Select(r => r.MemberId)
                .ToListAsync(cancellationToken)).ToHashSet();
            var meetings = await db.ReviewMeetings.AsNoTracking()
                .Where(m => m.CycleId == cycle.Id && m.CancelledAt == null)
                .Select(m => new { m.OrganisationId, m.StartsAt })
                .ToListAsync(cancellationToken);
            var ballots = await db.Ballots.AsNoTracking()
                .Where(b => b.CycleId == cycle.Id)
                .Select(b => new { b.BodyId, b.State })
                .ToListAsync(cancellationToken);
            var membersByCell = members.ToLookup(m => m.OfficialCellId);
            var meetingsByBody = meetings.ToLookup(m => m.OrganisationId);
            var ballotsByBody = ballots.ToLookup(b => b.BodyId);
            statuses = [.. organisations.Select(o =>
            {
                var own = membersByCell[o.Id].ToList();
                var bodyMeetings = meetingsByBody[o.Id].ToList();
                var bodyBallots = ballotsByBody[o.Id].ToList();
                return new OrganisationCycleStatus(
                    o.Id, o.Code, o.Name, o.Kind,
                    own.Count, own.Count(m => submitted.Contains(m.Id)),
                    bodyMeetings.Count, bodyMeetings.Count == 0 ? null : bodyMeetings.Min(m => m.StartsAt),
                    bodyBallots.Count(b => b.State == BallotState.Open), bodyBallots.Count(b => b.State == BallotState.Closed));
            })];
        }

        // Reachable as the member notices count it: a personal chat with the bot, matched by object id or e-mail.
        var chats = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == Personal)
            .Select(r => new { r.UserAadObjectId, r.UserId, Blocked = r.WritesBlockedAt != null })
            .ToListAsync(cancellationToken);
        var chatByObjectId = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var chatByEmail = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var chat in chats)
        {
            if (chat.UserAadObjectId is { Length: > 0 } objectId)
            {
                chatByObjectId[objectId] = chatByObjectId.TryGetValue(objectId, out var open) ? open || !chat.Blocked : !chat.Blocked;
            }
            chatByEmail[chat.UserId] = chatByEmail.TryGetValue(chat.UserId, out var openByEmail) ? openByEmail || !chat.Blocked : !chat.Blocked;
        }
        var failedInstalls = await db.AppInstallations.AsNoTracking()
            .Where(i => i.Status == AppInstallStatus.Failed)
            .Select(i => new { i.MemberId, i.LastError })
            .ToDictionaryAsync(i => i.MemberId, i => i.LastError, cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var unreachable = new List<UnreachableMemberLine>();
        foreach (var member in members.OrderBy(m => names.GetValueOrDefault(m.OfficialCellId), StringComparer.Ordinal).ThenBy(m => m.Code, StringComparer.Ordinal))
        {
            bool? open = null;
            if (member.EntraObjectId is { } objectId && chatByObjectId.TryGetValue(objectId.ToString(), out var byObject))
            {
                open = byObject;
            }
            if (open is not true && member.EmailKey is { } email && chatByEmail.TryGetValue(email, out var byEmail))
            {
                open = byEmail || open == true;
            }
            if (open is true)
            {
                continue;
            }
            var (reason, detail) = open is false ? (UnreachableReason.ChatBlocked, (string?)null)
                : failedInstalls.TryGetValue(member.Id, out var error) ? (UnreachableReason.InstallFailed, error)
                : (UnreachableReason.NoPersonalChat, null);
            unreachable.Add(new UnreachableMemberLine(
                member.OfficialCellId, names.GetValueOrDefault(member.OfficialCellId) ?? string.Empty, member.Id, member.Code, member.FullName, reason, detail));
        }

        return new OperatorOverviewView(
            cycle?.Year, cycle?.OpenedAt, statuses, unreachable,
            await FailedTurnsAsync(cancellationToken),
            await FailedMemberDeliveriesAsync(cancellationToken),
            await FailedSendsAsync(cancellationToken));
    }

    private async Task<FailureList> FailedTurnsAsync(CancellationToken cancellationToken)
    {
        var failed = db.InboundActivities.AsNoTracking().Where(a => a.Status == InboundActivityStatus.Failed);
        var recent = await failed.OrderByDescending(a => a.Id).Take(RecentCount)
            .Select(a => new { a.Id, At = a.CompletedAtMs ?? a.ReceivedAtMs, a.ActivityType, a.Attempts })
            .ToListAsync(cancellationToken);
        return new FailureList(
            await failed.CountAsync(cancellationToken),
            0,
            [.. recent.Select(a => new FailureLine(a.Id, DateTimeOffset.FromUnixTimeMilliseconds(a.At), a.ActivityType, nameof(InboundActivityStatus.Failed), a.Attempts, null))]);
    }

    private async Task<FailureList> FailedMemberDeliveriesAsync(CancellationToken cancellationToken)
    {
        var failed = db.Deliveries.AsNoTracking().Where(d => d.Status == DeliveryStatus.Failed || d.Status == DeliveryStatus.Blocked);
        var counts = await failed.GroupBy(d => d.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recent = await failed.OrderByDescending(d => d.UpdatedAtMs).ThenByDescending(d => d.Id).Take(RecentCount)
            .Select(d => new { d.Id, d.UpdatedAtMs, d.Occasion, d.Status, d.Attempts, d.LastError })
            .ToListAsync(cancellationToken);
        return new FailureList(
            counts.Where(c => c.Key == DeliveryStatus.Failed).Sum(c => c.Count),
            counts.Where(c => c.Key == DeliveryStatus.Blocked).Sum(c => c.Count),
            [.. recent.Select(d => new FailureLine(d.Id, DateTimeOffset.FromUnixTimeMilliseconds(d.UpdatedAtMs), OccasionKind(d.Occasion), d.Status.ToString(), d.Attempts, d.LastError))]);
    }

    private async Task<FailureList> FailedSendsAsync(CancellationToken cancellationToken)
    {
        var failed = db.OutboundActivities.AsNoTracking().Where(a => a.Status == OutboundActivityStatus.Failed || a.Status == OutboundActivityStatus.Blocked);
        var counts = await failed.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var recent = await failed.OrderByDescending(a => a.Id).Take(RecentCount)
            .Select(a => new { a.Id, a.NextAttemptAtMs, a.CreatedAtMs, a.Operation, a.Status, a.Attempts })
            .ToListAsync(cancellationToken);
        return new FailureList(
            counts.Where(c => c.Key == OutboundActivityStatus.Failed).Sum(c => c.Count),
            counts.Where(c => c.Key == OutboundActivityStatus.Blocked).Sum(c => c.Count),
            [.. recent.Select(a => new FailureLine(a.Id, DateTimeOffset.FromUnixTimeMilliseconds(Math.Max(a.NextAttemptAtMs, a.CreatedAtMs)), a.Operation.ToString(), a.Status.ToString(), a.Attempts, null))]);
    }

    /// <summary>The kind of an occasion key ("reminder:{cycle}:{day}:{offset}" -> "reminder"): no ids of people.</summary>
    private static string OccasionKind(string occasion)
    {
        var colon = occasion.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? occasion : occasion[..colon];
    }
}
