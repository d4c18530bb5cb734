using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Exports;

/// <summary>
/// Reads a meeting's closed ballots, attendance and decisions straight from storage and renders the minutes
/// (<see cref="MinutesDocument"/>); reads an organisation's decided rankings and members and renders the ranking
/// list (<see cref="RankingListWorkbook"/>), the not-ranked with the rule set's reasons. Reads only: nothing to
/// commit. Only totals are read from the counters; nothing stored links a voter to a choice, and nothing here tries.
/// </summary>
internal sealed class BallotExporter(KiemDiemDbContext db, ReviewOptions options, TimeProvider clock) : IBallotExporter
{
    private static readonly StringComparer ByName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);

    public async Task<ExportedFile?> MinutesAsync(Guid ballotId, CancellationToken cancellationToken)
    {
        var ballot = await db.Ballots.AsNoTracking().FirstOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
        if (ballot is null || ballot.State != BallotState.Closed)
        {
            return null;
        }
        var cycle = await db.ReviewCycles.AsNoTracking().FirstAsync(c => c.Id == ballot.CycleId, cancellationToken);
        var body = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == ballot.BodyId, cancellationToken);
        var superior = body.ParentId is { } parentId
            ? await db.Organisations.AsNoTracking().Where(o => o.Id == parentId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken)
            : null;
        var ballots = await MeetingBallotsAsync(ballot, cancellationToken);
        var ids = ballots.Select(b => b.Id).ToList();
        var subjects = await db.BallotSubjects.AsNoTracking().Where(s => ids.Contains(s.BallotId)).ToListAsync(cancellationToken);
        var counters = await db.BallotCounters.AsNoTracking().Where(c => ids.Contains(c.BallotId)).ToListAsync(cancellationToken);
        var first = ballots[0];
        var voters = await db.BallotVoters.AsNoTracking().Where(v => v.BallotId == first.Id).ToListAsync(cancellationToken);
        var meeting = ballot.MeetingId is { } meetingId
            ? await db.ReviewMeetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == meetingId, cancellationToken)
            : null;
        var coChairIds = meeting is null
            ? []
            : await db.ReviewMeetingParticipants.AsNoTracking()
                .Where(p => p.MeetingId == meeting.Id && p.IsCoChair)
                .OrderBy(p => p.Position)
                .Select(p => p.MemberId)
                .ToListAsync(cancellationToken);
        var chairId = await SecretaryOfAsync(body.Id, cancellationToken);

        var subjectIds = subjects.Select(s => s.SubjectId).ToHashSet();
        var decisions = await db.RankingDecisions.AsNoTracking()
            .Where(r => r.CycleId == ballot.CycleId && subjectIds.Contains(r.SubjectId))
            .ToListAsync(cancellationToken);
        var memberIds = subjectIds.Concat(voters.Select(v => v.MemberId)).Concat(coChairIds).Concat(chairId is { } chairMember ? [chairMember] : []).Distinct().ToList();
        var names = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, cancellationToken);
        foreach (var organisation in await db.Organisations.AsNoTracking().Where(o => subjectIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
        {
            names[organisation.Id] = organisation.Name;
        }
        string NameOf(Guid id) => names.GetValueOrDefault(id) ?? BallotExportTexts.Blank;

        var rounds = ballots.Select(b => Round(b, subjects, counters, NameOf)).ToList();
        var adopted = Adopted(ballots, subjects, decisions, NameOf);
        var date = WorkingCalendar.ToLocalDate(meeting?.StartsAt ?? ballot.ClosedAt ?? clock.GetUtcNow());
        var input = new MinutesInput(
            cycle.Year,
            body.Name,
            superior,
            options.Place,
            date,
            // Without a scheduled meeting, the time the ballots ran (no time of any single vote exists).
            meeting?.StartsAt ?? ballots.Min(b => b.OpenedAt),
            meeting is null ? ballots.Max(b => b.ClosedAt) : meeting.EndsAt,
            [.. coChairIds.Select(NameOf)],
            chairId is { } chair ? NameOf(chair) : null,
            Attendance(first, voters, NameOf),
            rounds,
            adopted)
        {
            DraftComments = meeting is null ? [] : await DraftCommentsAsync(meeting.Id, cancellationToken),
        };
        var content = MinutesDocument.Render(input);
        var fileName = ExportFileNames.Of(BallotExportTexts.FileName_Minutes, body.Name, cycle.Year, "docx");
        return new ExportedFile(fileName, MinutesDocument.ContentType, content);
    }

    /// <summary>The participants' comments on the meeting's draft (góp ý), by name, for the minutes' annex.</summary>
    private async Task<IReadOnlyList<MinutesDraftComment>> DraftCommentsAsync(Guid meetingId, CancellationToken cancellationToken)
    {
        var comments = await db.DraftComments.AsNoTracking()
            .Where(c => c.MeetingId == meetingId)
            .Join(db.Members, c => c.MemberId, m => m.Id, (c, m) => new { m.FullName, c.Text })
            .ToListAsync(cancellationToken);
        return [.. comments.OrderBy(c => c.FullName, ByName).Select(c => new MinutesDraftComment(c.FullName, c.Text))];
    }

    public async Task<ExportedFile> RankingListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken)
    {
        var input = await RankingListInputAsync(cycleId, organisationId, cancellationToken);
        var content = await RankingListWorkbook.RenderAsync(input, cancellationToken);
        var fileName = ExportFileNames.Of(BallotExportTexts.FileName_RankingList, input.OrganisationName, input.Year, "xlsx");
        return new ExportedFile(fileName, RankingListWorkbook.ContentType, content);
    }

    /// <summary>Everything the ranking list shows, read in a handful of queries whatever the organisation's size.</summary>
    internal async Task<RankingListInput> RankingListInputAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new ArgumentException($"No review cycle {cycleId}.", nameof(cycleId));
        if (!RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet))
        {
            throw new InvalidOperationException($"Cycle {cycleId} names an unknown rule set.");
        }
        var organisations = await db.Organisations.AsNoTracking()
            .Select(o => new OrganisationRow(o.Id, o.Name, o.Kind, o.ParentId))
            .ToDictionaryAsync(o => o.Id, cancellationToken);
        if (!organisations.TryGetValue(organisationId, out var root))
        {
            throw new ArgumentException($"No organisation {organisationId}.", nameof(organisationId));
        }
        var subtree = Subtree(organisations.Values, organisationId);
        var subtreeIds = subtree.ToList();
        var members = await db.Members.AsNoTracking().Where(m => subtreeIds.Contains(m.OfficialCellId)).ToListAsync(cancellationToken);
        var memberIds = members.Select(m => m.Id).ToHashSet();
        var decisions = (await db.RankingDecisions.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(cancellationToken))
            .Where(r => r.SubjectKind == BallotSubjectKind.Member ? memberIds.Contains(r.SubjectId) : subtree.Contains(r.SubjectId))
            .ToList();
        var posts = (await db.Positions.AsNoTracking().Select(p => new { p.MemberId, p.Title, p.BodyId }).ToListAsync(cancellationToken))
            .Where(p => memberIds.Contains(p.MemberId))
            .ToLookup(p => p.MemberId, p => $"{p.Title.DisplayName()} {organisations.GetValueOrDefault(p.BodyId)?.Name}".Trim());
        var meetings = (await db.ReviewMeetings.AsNoTracking()
                .Where(m => m.CycleId == cycleId && m.CancelledAt == null)
                .Select(m => new { m.OrganisationId, m.StartsAt })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.OrganisationId)
            .ToDictionary(g => g.Key, g => WorkingCalendar.ToLocalDate(g.Max(m => m.StartsAt)));
        var attendance = (await db.BallotVoters.AsNoTracking()
                .Join(db.Ballots.Where(b => b.CycleId == cycleId && b.Kind == BallotKind.Ranking && b.SubjectKind == BallotSubjectKind.Member),
                    v => v.BallotId, b => b.Id, (v, b) => new { v.MemberId, v.IsPresent })
                .ToListAsync(cancellationToken))
            .GroupBy(v => v.MemberId)
            .ToDictionary(g => g.Key, g => g.Any(v => v.IsPresent));
        var today = WorkingCalendar.Today(clock);

        var byMember = members.ToDictionary(m => m.Id);
        var decided = decisions.Select(d => d.SubjectId).ToHashSet();
        var rows = new List<RankingListRow>(decisions.Count);
        foreach (var decision in decisions)
        {
            if (decision.SubjectKind == BallotSubjectKind.Member)
            {
                var member = byMember[decision.SubjectId];
                var memberPosts = posts[member.Id].ToList();
                rows.Add(new RankingListRow(decision.SubjectKind, member.FullName, CellName(organisations, member.OfficialCellId),
                    memberPosts.Count == 0 ? null : string.Join("; ", memberPosts), decision.Level, Note(decision)));
            }
            else
            {
                var subject = organisations[decision.SubjectId];
                rows.Add(new RankingListRow(decision.SubjectKind, subject.Name, CellName(organisations, subject.ParentId), null, decision.Level, Note(decision)));
            }
        }
        var notRanked = new List<NotRankedRow>();
        foreach (var member in members.Where(m => !decided.Contains(m.Id)))
        {
            var meetingDate = MeetingDate(organisations, meetings, member.OfficialCellId) ?? today;
            var present = attendance.GetValueOrDefault(member.Id, true);
            var eligibility = ruleSet.AssessEligibility(member.ToMemberFacts(), meetingDate, present);
            var reason = !eligibility.Ranked.Allowed ? eligibility.Ranked.Reason!.Text
                : eligibility.CarriedOver.Allowed ? eligibility.CarriedOver.Reason!.Text
                : BallotExportTexts.NotRanked_NoDecision;
            notRanked.Add(new NotRankedRow(member.FullName, CellName(organisations, member.OfficialCellId), reason));
        }
        return new RankingListInput(
            cycle.Year,
            root.Name,
            [.. rows.OrderBy(r => r.Kind).ThenBy(r => r.CellName, ByName).ThenBy(r => r.Name, ByName)],
            [.. notRanked.OrderBy(r => r.CellName, ByName).ThenBy(r => r.Name, ByName)],
            ruleSet.Settings.ExcellenceCap);
    }

    /// <summary>
    /// The closed ballots of the ballot's meeting in the order they ran: those of the same meeting, or, for a ballot
    /// with no meeting, those of the same body in the same chat.
    /// </summary>
    private async Task<List<Ballot>> MeetingBallotsAsync(Ballot ballot, CancellationToken cancellationToken)
    {
        var closed = db.Ballots.AsNoTracking().Where(b => b.State == BallotState.Closed && b.CycleId == ballot.CycleId);
        closed = ballot.MeetingId is { } meetingId
            ? closed.Where(b => b.MeetingId == meetingId)
            : closed.Where(b => b.MeetingId == null && b.BodyId == ballot.BodyId && b.ChannelId == ballot.ChannelId && b.ConversationId == ballot.ConversationId);
        var ballots = await closed.ToListAsync(cancellationToken);
        // Ranking rounds before approval ballots, each kind in the order it ran (a re-vote after the ballot it re-votes).
        return [.. ballots.OrderBy(b => b.Kind).ThenBy(b => b.OpenedAt).ThenBy(b => b.Round)];
    }

    /// <summary>The secretary of the body: a secretary post in the body itself or in its committee (chi ủy, ban chấp hành).</summary>
    private async Task<Guid?> SecretaryOfAsync(Guid bodyId, CancellationToken cancellationToken)
    {
        var committees = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == bodyId && (o.Kind == OrganisationKind.CellCommittee || o.Kind == OrganisationKind.ExecutiveCommittee))
            .Select(o => o.Id)
            .ToListAsync(cancellationToken);
        committees.Add(bodyId);
        var secretaries = await db.Positions.AsNoTracking()
            .Where(p => p.Title == PositionTitle.Secretary && committees.Contains(p.BodyId))
            .Select(p => p.MemberId)
            .ToListAsync(cancellationToken);
        return secretaries.Count == 0 ? null : secretaries.Min();
    }

    private static MinutesAttendance Attendance(Ballot ballot, List<BallotVoter> voters, Func<Guid, string> nameOf)
    {
        var official = voters.Where(v => v.IsOfficial).ToList();
        return new MinutesAttendance(
            official.Count,
            Names(official.Where(v => v.IsExempt), nameOf),
            ballot.Base,
            official.Count(v => v.IsPresent && !v.IsExempt),
            Names(official.Where(v => !v.IsExempt && !v.IsPresent), nameOf),
            Names(voters.Where(v => !v.IsOfficial && v.IsPresent), nameOf));
    }

    private static List<string> Names(IEnumerable<BallotVoter> voters, Func<Guid, string> nameOf) =>
        [.. voters.Select(v => nameOf(v.MemberId)).Order(ByName)];

    private static MinutesRound Round(Ballot ballot, List<BallotSubject> subjects, List<BallotCounter> counters, Func<Guid, string> nameOf)
    {
        var own = subjects.Where(s => s.BallotId == ballot.Id).OrderBy(s => s.Position).ToList();
        var tallies = counters.Where(c => c.BallotId == ballot.Id).ToLookup(c => c.SubjectId);
        var rows = own.Select(subject =>
        {
            var counts = tallies[subject.SubjectId].ToList();
            int Sum(short choice, BallotSource? source) => counts.Where(c => c.Choice == choice && (source is null || c.Source == source)).Sum(c => c.Votes);
            var votes = RankingLevels.TopDown.ToDictionary(l => l, l => Sum((short)l, null));
            var paper = RankingLevels.TopDown.ToDictionary(l => l, l => Sum((short)l, BallotSource.Paper));
            return new MinutesSubject(
                nameOf(subject.SubjectId),
                votes,
                paper,
                Sum(BallotCounter.Agree, null),
                Sum(BallotCounter.Disagree, null),
                Sum(BallotCounter.Agree, BallotSource.Paper),
                Sum(BallotCounter.Disagree, BallotSource.Paper),
                ballot.Kind == BallotKind.Ranking ? subject.Outcome : null,
                subject.NeedsRevote,
                subject.Kept,
                DroppedAfterThirdTie: false);
        }).ToList();
        if (ballot.Kind == BallotKind.ExcellenceApproval && ballot.Round >= ApprovalRound.LastRound)
        {
            // The last allowed vote among the tied (ApprovalRound): names with a majority still level with another
            // such name are not kept, and drop to HTTNV. A name without a majority drops for that reason instead.
            bool Dropped(MinutesSubject r) => r.Kept == false && 2 * r.Agree > ballot.Base;
            rows = [.. rows.Select(r => Dropped(r) && rows.Count(o => Dropped(o) && o.Agree == r.Agree) > 1 ? r with { DroppedAfterThirdTie = true } : r)];
        }
        return new MinutesRound(ballot.Kind, ballot.SubjectKind, ballot.Round, ballot.Base, ballot.EligibleVoters, ballot.Cast, ballot.PaperBallots, ballot.Seats, rows);
    }

    /// <summary>The decided levels of the meeting's ranking subjects, in the first ballot's list order.</summary>
    private static List<MinutesAdoptedLevel> Adopted(List<Ballot> ballots, List<BallotSubject> subjects, List<RankingDecision> decisions, Func<Guid, string> nameOf)
    {
        var order = ballots.Where(b => b.Kind == BallotKind.Ranking)
            .SelectMany(b => subjects.Where(s => s.BallotId == b.Id).OrderBy(s => s.Position))
            .Select(s => s.SubjectId)
            .Distinct()
            .ToList();
        var byKind = ballots.FirstOrDefault(b => b.Kind == BallotKind.Ranking)?.SubjectKind;
        var bySubject = decisions.Where(d => d.SubjectKind == byKind).ToDictionary(d => d.SubjectId);
        return [.. order.Where(bySubject.ContainsKey).Select(id => new MinutesAdoptedLevel(nameOf(id), bySubject[id].Level, Note(bySubject[id])))];
    }

    private static string? Note(RankingDecision decision) =>
        decision.Revision > 1 && !string.IsNullOrWhiteSpace(decision.Reason)
            ? string.Format(RuleReason.TextCulture, BallotExportTexts.Note_ReRanked, decision.Reason.Trim())
            : null;

    private static HashSet<Guid> Subtree(IEnumerable<OrganisationRow> organisations, Guid root)
    {
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
        return subtree;
    }

    private static string CellName(Dictionary<Guid, OrganisationRow> organisations, Guid? id) =>
        id is { } key && organisations.TryGetValue(key, out var organisation) ? organisation.Name : string.Empty;

    /// <summary>The date of the review meeting of the cell, or of the nearest body above it that has one.</summary>
    private static DateOnly? MeetingDate(Dictionary<Guid, OrganisationRow> organisations, Dictionary<Guid, DateOnly> meetings, Guid cellId)
    {
        for (Guid? id = cellId; id is { } key && organisations.TryGetValue(key, out var organisation); id = organisation.ParentId)
        {
            if (meetings.TryGetValue(key, out var date))
            {
                return date;
            }
        }
        return null;
    }

    private sealed record OrganisationRow(Guid Id, string Name, OrganisationKind Kind, Guid? ParentId);
}
