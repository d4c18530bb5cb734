using System.Globalization;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reminders;

/// <summary>
/// Reads who an occasion reaches when it runs: the cell's members still owing a self-review (the secretary's
/// progress card decides who is reviewed and what their status is), the secretaries by their posts, and what a
/// body still lacks for a deadline.
/// </summary>
internal sealed class ReminderAudience(
    KiemDiemDbContext db, IReviewProgressService progress, IReminderPauses pauses, TimeProvider clock) : IReminderAudience
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public async Task<IReadOnlyList<ReminderRecipient>> MembersToRemindAsync(Guid cycleId, Guid cellId, CancellationToken cancellationToken)
    {
        var owing = await OwingAsync(cycleId, cellId, cancellationToken);
        var paused = await pauses.FindPausedAsync(cycleId, [.. owing.Select(m => m.MemberId)], cancellationToken);
        return [.. owing.Where(m => !paused.Contains(m.MemberId)).Select(m => new ReminderRecipient(m.MemberId, m.FullName, m.Status))];
    }

    public async Task<IReadOnlyList<Guid>> SecretariesAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        // A secretary's post is held in the organisation itself or in its committee (đảng ủy, ban thường vụ, chi ủy).
        var posts = await db.Positions.AsNoTracking()
            .Where(p => (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary)
                && (p.BodyId == organisationId
                    || (p.Body!.ParentId == organisationId
                        && (p.Body.Kind == OrganisationKind.ExecutiveCommittee
                            || p.Body.Kind == OrganisationKind.StandingCommittee
                            || p.Body.Kind == OrganisationKind.CellCommittee))))
            .Select(p => new { p.MemberId, p.Title })
            .ToListAsync(cancellationToken);
        return [.. posts.OrderBy(p => p.Title).ThenBy(p => p.MemberId).Select(p => p.MemberId).Distinct()];
    }

    public async Task<IReadOnlyList<string>> MissingForDeadlineAsync(
        Guid cycleId, Guid organisationId, DeadlineKind kind, CancellationToken cancellationToken)
    {
        var rows = await db.Organisations.AsNoTracking()
            .Select(o => new { o.Id, o.Kind, o.ParentId, o.Name })
            .ToListAsync(cancellationToken);
        var organisations = rows.Select(o => new PlanOrganisation(o.Id, o.Kind, o.ParentId)).ToList();
        var names = rows.ToDictionary(o => o.Id, o => o.Name);
        if (!names.TryGetValue(organisationId, out var name))
        {
            throw new KeyNotFoundException($"No organisation {organisationId}.");
        }
        var children = organisations.Where(o => o.ParentId is not null).ToLookup(o => o.ParentId!.Value);
        var cellsUnder = Descendants(organisationId, children).Where(o => o.Kind.IsCell()).Select(o => o.Id).ToList();
        var meetings = await db.ReviewMeetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.CancelledAt == null)
            .Select(m => new { m.OrganisationId, m.StartsAt })
            .ToDictionaryAsync(m => m.OrganisationId, m => m.StartsAt, cancellationToken);
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        switch (kind)
        {
            case DeadlineKind.CellReview or DeadlineKind.SubCommitteeReview or DeadlineKind.GrassrootsCommitteeReview:
                if (!meetings.ContainsKey(organisationId))
                {
                    lines.Add(Format(ReminderTexts.Missing_MeetingNotScheduled, name));
                }
                if (organisations.Single(o => o.Id == organisationId).Kind.IsCell())
                {
                    var owing = (await OwingAsync(cycleId, organisationId, cancellationToken)).Count;
                    if (owing > 0)
                    {
                        lines.Add(Format(ReminderTexts.Missing_SelfReviews, owing));
                    }
                }
                await AddCellsAsync(cycleId, cellsUnder, meetings, names, now, lines, cancellationToken);
                break;
            case DeadlineKind.ReportsUp:
                await AddCellsAsync(cycleId, cellsUnder, meetings, names, now, lines, cancellationToken);
                var cells = organisations.Single(o => o.Id == organisationId).Kind.IsCell() ? [organisationId, .. cellsUnder] : cellsUnder;
                var undecided = await db.Members.AsNoTracking()
                    .Where(m => cells.Contains(m.OfficialCellId) && m.ActivityStatus == PartyActivityStatus.Active)
                    .CountAsync(m => !db.RankingDecisions.Any(d => d.CycleId == cycleId && d.SubjectKind == BallotSubjectKind.Member && d.SubjectId == m.Id),
                        cancellationToken);
                if (undecided > 0)
                {
                    lines.Add(Format(ReminderTexts.Missing_MemberDecisions, undecided));
                }
                break;
            default:
                // The party-building report, the summary conference and the cadre dossiers are not recorded in the bot.
                lines.Add(ReminderTexts.Missing_NotTracked);
                break;
        }
        return lines;
    }

    /// <summary>Cells whose meeting has not been held, then cells that met but whose own ranking is not adopted, by name.</summary>
    private async Task AddCellsAsync(
        Guid cycleId, List<Guid> cells, Dictionary<Guid, DateTimeOffset> meetings, Dictionary<Guid, string> names,
        DateTimeOffset now, List<string> lines, CancellationToken cancellationToken)
    {
        if (cells.Count == 0)
        {
            return;
        }
        var byName = StringComparer.Create(Vietnamese, ignoreCase: true);
        var ranked = (await db.RankingDecisions.AsNoTracking()
                .Where(d => d.CycleId == cycleId && d.SubjectKind == BallotSubjectKind.Organisation && cells.Contains(d.SubjectId))
                .Select(d => d.SubjectId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var held = cells.Where(c => meetings.TryGetValue(c, out var starts) && starts <= now).ToHashSet();
        lines.AddRange(cells.Where(c => !held.Contains(c)).Select(c => names[c]).Order(byName)
            .Select(cell => Format(ReminderTexts.Missing_CellMeetingNotHeld, cell)));
        lines.AddRange(cells.Where(c => held.Contains(c) && !ranked.Contains(c)).Select(c => names[c]).Order(byName)
            .Select(cell => Format(ReminderTexts.Missing_CellRankingNotAdopted, cell)));
    }

    /// <summary>The cell's own members reviewed this cycle whose self-review is neither submitted nor locked, in the progress card's order.</summary>
    private async Task<List<MemberProgress>> OwingAsync(Guid cycleId, Guid cellId, CancellationToken cancellationToken)
    {
        var view = await progress.GetCellProgressAsync(cellId, cycleId, cancellationToken);
        return [.. view.Members.Where(m => !m.HoldsTemporaryActivitiesHere && m.IsReviewed
            && m.Status is SelfReviewStatus.NotStarted or SelfReviewStatus.InProgress)];
    }

    private static IEnumerable<PlanOrganisation> Descendants(Guid root, ILookup<Guid, PlanOrganisation> children)
    {
        var seen = new HashSet<Guid> { root };
        var pending = new Stack<PlanOrganisation>(children[root]);
        while (pending.TryPop(out var next))
        {
            if (seen.Add(next.Id))
            {
                yield return next;
                foreach (var child in children[next.Id])
                {
                    pending.Push(child);
                }
            }
        }
    }

    private static string Format(string format, object value) => string.Format(Vietnamese, format, value);
}
