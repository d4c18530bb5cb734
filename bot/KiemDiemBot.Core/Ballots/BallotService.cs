using System.Globalization;
using System.Text;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Ballots;

/// <summary>
/// Secret ballots in a body's meeting. Who voted (<see cref="BallotVoter.HasCast"/>) and what was chosen
/// (<see cref="BallotCounter"/> sums) are written by one staged transaction per cast, without any time, order or
/// per-vote row. Secrecy at rest, and its limits:
/// <list type="bullet">
/// <item>While a ballot is open, a database administrator watching it live could correlate a voter row and a
/// counter row changed by the same transaction; nothing stored afterwards allows it.</item>
/// <item>PostgreSQL: the closing transaction rewrites every voter and counter row of the ballot, so every live row
/// carries the closing transaction's xmin and no voter row shares an xmin with a counter row. The superseded row
/// versions stay in the table files as dead tuples until VACUUM reclaims them (autovacuum, or VACUUM by hand);
/// physical backups or WAL archives taken while the ballot was open keep them.</item>
/// <item>SQLite: every connection runs with <c>secure_delete</c> (freed content is zeroed); after a ballot closes,
/// the write-ahead log (which holds page images of each cast) is checkpointed and truncated right after the commit.
/// Copies of the database file taken while the ballot was open keep what they held.</item>
/// </list>
/// </summary>
internal sealed class BallotService(KiemDiemDbContext db, UnitOfWork unitOfWork, TimeProvider clock) : IBallotService
{
    private static readonly StringComparer ByName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);

    public async Task<BallotSetup?> ProposeAsync(Guid cycleId, Guid actorMemberId, Guid? bodyId, CancellationToken cancellationToken)
    {
        var (cycle, ruleSet) = await CycleAsync(cycleId, cancellationToken);
        var id = bodyId ?? await DefaultBodyAsync(actorMemberId, cancellationToken);
        if (id is null || await BallotBody.LoadAsync(db, id.Value, cancellationToken) is not { } body || !body.IsSecretary(actorMemberId))
        {
            return null;
        }
        var meeting = await MeetingAsync(cycleId, body.Organisation.Id, cancellationToken);
        var summoned = await SummonedAsync(body, meeting, cancellationToken);
        var attendance = summoned.Select(m => Attendee(m, body, isPresent: true)).ToList();
        var subjects = MemberSubjects(body, summoned, meeting, cycle.Year, ruleSet);
        BallotSubjectView? organisationSubject = body.Organisation.Kind.IsLeadershipCollective()
            ? null
            : (await BodySubjectCaps.ForAsync(db, body.Organisation, cycleId, cycle.Year, ruleSet, cancellationToken)).View;
        var collectives = await db.Organisations.AsNoTracking()
            .Where(o => o.ParentId == body.Organisation.Id)
            .ToListAsync(cancellationToken);
        var collectiveSubjects = new List<BallotSubjectView>();
        foreach (var collective in collectives.Where(o => o.Kind.IsLeadershipCollective()).OrderBy(o => o.Name, ByName).Prepend(body.Organisation))
        {
            if (collective.Kind.IsLeadershipCollective())
            {
                collectiveSubjects.Add((await BodySubjectCaps.ForAsync(db, collective, cycleId, cycle.Year, ruleSet, cancellationToken)).View);
            }
        }
        return new BallotSetup(cycleId, body.Organisation.Id, body.Organisation.Name, meeting?.Id,
            subjects, organisationSubject, collectiveSubjects, attendance);
    }

    public async Task<OpenedBallot> OpenAsync(OpenBallotRequest request, Guid actorMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (cycle, ruleSet) = await CycleAsync(request.CycleId, cancellationToken);
        var body = await SecretaryBodyAsync(request.BodyId, actorMemberId, cancellationToken);
        var subjectIds = request.SubjectIds.Distinct().ToList();
        if (subjectIds.Count == 0)
        {
            throw Refused(BallotTexts.Refused_NoSubjects);
        }
        await RefuseAnotherOpenAsync(body, cancellationToken);
        var meeting = await MeetingAsync(request.CycleId, body.Organisation.Id, cancellationToken);
        var subjects = await SubjectsToOpenAsync(body, request.SubjectKind, subjectIds, request.CycleId, cycle.Year, ruleSet, cancellationToken);
        var summoned = await SummonedAsync(body, meeting, cancellationToken);
        var present = request.PresentMemberIds.ToHashSet();
        var roll = summoned.Select(m => Attendee(m, body, present.Contains(m.Id))).ToList();
        var baseSize = roll.Count(a => a.IsOfficial && !a.IsExempt);
        var eligible = roll.Count(a => a.MayVote);
        var quorum = ruleSet.CheckQuorum(new Attendance(baseSize, eligible));
        if (!quorum.Met && !request.QuorumOverride)
        {
            throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_BelowQuorum, quorum.Warning!.Text));
        }
        var ballot = NewBallot(request.CycleId, body.Organisation.Id, meeting?.Id, BallotKind.Ranking, request.SubjectKind,
            request.Conversation, actorMemberId, baseSize, eligible, seats: 0);
        ballot.QuorumOverridden = !quorum.Met;
        return Add(ballot, body.Organisation.Name, subjects, roll);
    }

    public async Task<OpenedBallot> OpenApprovalAsync(
        Guid cycleId, Guid decidingBodyId, IReadOnlyList<Guid> candidateIds, int seats, MeetingConversation conversation, Guid actorMemberId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(candidateIds);
        ArgumentNullException.ThrowIfNull(conversation);
        await CycleAsync(cycleId, cancellationToken);
        var body = await SecretaryBodyAsync(decidingBodyId, actorMemberId, cancellationToken);
        var ids = candidateIds.Distinct().ToList();
        if (ids.Count == 0)
        {
            throw Refused(BallotTexts.Refused_NoSubjects);
        }
        if (seats < 0 || seats > ids.Count)
        {
            throw Refused(BallotTexts.Refused_ApprovalSeats);
        }
        await RefuseAnotherOpenAsync(body, cancellationToken);
        var names = await NamesAsync(ids, cancellationToken);
        if (ids.Any(id => !names.ContainsKey(id)))
        {
            throw Refused(BallotTexts.Refused_UnknownSubject);
        }
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
        var subjectKind = organisations.Count == 0 ? BallotSubjectKind.Member
            : organisations.All(o => o.Kind.IsLeadershipCollective()) ? BallotSubjectKind.LeadershipCollective
            : BallotSubjectKind.Organisation;
        if (organisations.Count != 0 && organisations.Count != ids.Count)
        {
            throw Refused(BallotTexts.Refused_MixedSubjects);
        }
        var roll = body.Members.OrderBy(m => m.FullName, ByName).Select(m => Attendee(m, body, isPresent: true)).ToList();
        var baseSize = roll.Count(a => a.IsOfficial && !a.IsExempt);
        var eligible = roll.Count(a => a.MayVote);
        if (eligible == 0)
        {
            throw Refused(BallotTexts.Refused_NoVoters);
        }
        var meeting = await MeetingAsync(cycleId, body.Organisation.Id, cancellationToken);
        var ballot = NewBallot(cycleId, body.Organisation.Id, meeting?.Id, BallotKind.ExcellenceApproval, subjectKind,
            conversation, actorMemberId, baseSize, eligible, seats);
        var subjects = ids.Select(id => new BallotSubjectView(id, names[id], [], [])).ToList();
        return Add(ballot, body.Organisation.Name, subjects.Select(s => (s, RankingLevel.ExcellentCompletion)).ToList(), roll);
    }

    public Task<BallotView> CastAsync(Guid ballotId, Guid voterMemberId, IReadOnlyDictionary<Guid, RankingLevel> choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return CastAsync(ballotId, voterMemberId, BallotKind.Ranking, choices.Keys.ToList(), (subject, name) =>
        {
            var level = choices[subject.SubjectId];
            if (!Enum.IsDefined(level))
            {
                throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_UnknownLevel, name));
            }
            if (level > subject.HighestAllowed)
            {
                throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_AboveCap, name,
                    subject.HighestAllowed.DisplayName(), subject.CapReasons?.Replace('\n', ' ') ?? ""));
            }
            return (short)level;
        }, cancellationToken);
    }

    public Task<BallotView> CastApprovalAsync(Guid ballotId, Guid voterMemberId, IReadOnlyDictionary<Guid, bool> agrees, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(agrees);
        return CastAsync(ballotId, voterMemberId, BallotKind.ExcellenceApproval, agrees.Keys.ToList(),
            (subject, _) => agrees[subject.SubjectId] ? BallotCounter.Agree : BallotCounter.Disagree, cancellationToken);
    }

    public async Task<BallotView> RecordPaperAsync(Guid ballotId, Guid actorMemberId, int ballots, IReadOnlyList<PaperTally> tallies, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tallies);
        var ballot = await BallotAsync(ballotId, cancellationToken);
        var body = await SecretaryBodyAsync(ballot.BodyId, actorMemberId, cancellationToken);
        if (ballot.State != BallotState.Open)
        {
            throw Refused(BallotTexts.Refused_AlreadyClosed);
        }
        if (ballots <= 0)
        {
            throw Refused(BallotTexts.Refused_PaperNoBallots);
        }
        var total = ballot.Cast + ballot.PaperBallots + ballots;
        if (total > ballot.EligibleVoters)
        {
            throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_PaperTooManyBallots, total, ballot.EligibleVoters));
        }
        var subjects = await SubjectsAsync(ballotId, cancellationToken);
        var names = await NamesAsync([.. subjects.Select(s => s.SubjectId)], cancellationToken);
        var additions = new List<(Guid SubjectId, short Choice, int Votes)>();
        if (tallies.GroupBy(t => t.SubjectId).Any(g => g.Count() > 1))
        {
            throw Refused(BallotTexts.Refused_PaperSubjectTwice);
        }
        foreach (var tally in tallies)
        {
            var subject = subjects.SingleOrDefault(s => s.SubjectId == tally.SubjectId)
                ?? throw Refused(BallotTexts.Refused_UnknownSubject);
            var name = names[subject.SubjectId];
            var choices = ballot.Kind == BallotKind.Ranking
                ? PaperRankingChoices(tally, subject, name)
                : [(BallotCounter.Agree, tally.Agree), (BallotCounter.Disagree, tally.Disagree)];
            if (choices.Any(c => c.Votes < 0))
            {
                throw Refused(BallotTexts.Refused_PaperNegative);
            }
            var sum = choices.Sum(c => c.Votes);
            if (sum > ballots)
            {
                throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_PaperTooManyForSubject, name, sum, ballots));
            }
            additions.AddRange(choices.Where(c => c.Votes > 0).Select(c => (subject.SubjectId, c.Choice, c.Votes)));
        }
        unitOfWork.Stage(async (context, ct) =>
        {
            var recorded = await context.Ballots
                .Where(b => b.Id == ballotId && b.State == BallotState.Open && b.Cast + b.PaperBallots + ballots <= b.EligibleVoters)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.PaperBallots, b => b.PaperBallots + ballots), ct);
            if (recorded == 0)
            {
                throw new ConcurrentChangeException("The ballot closed or filled up before the paper tallies were recorded.");
            }
            foreach (var (subjectId, choice, votes) in additions)
            {
                await context.BallotCounters
                    .Where(c => c.BallotId == ballotId && c.SubjectId == subjectId && c.Choice == choice && c.Source == BallotSource.Paper)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Votes, c => c.Votes + votes), ct);
            }
        });
        ballot.PaperBallots += ballots;
        return await ViewAsync(ballot, body.Organisation.Name, subjects, cancellationToken);
    }

    public async Task<BallotResult> CloseAsync(Guid ballotId, Guid actorMemberId, CancellationToken cancellationToken)
    {
        // The ballot row is read before the counters: a cast committed in between raises the ballot's count past
        // the one read, and the conditional close below then fails and the turn counts again.
        var ballot = await BallotAsync(ballotId, cancellationToken);
        var body = await SecretaryBodyAsync(ballot.BodyId, actorMemberId, cancellationToken);
        if (ballot.State != BallotState.Open)
        {
            throw Refused(BallotTexts.Refused_AlreadyClosed);
        }
        var subjects = await db.BallotSubjects.Where(s => s.BallotId == ballotId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
        var counters = await db.BallotCounters.AsNoTracking().Where(c => c.BallotId == ballotId).ToListAsync(cancellationToken);
        var (_, ruleSet) = await CycleAsync(ballot.CycleId, cancellationToken);
        var now = clock.GetUtcNow();
        var seenCast = ballot.Cast;
        var seenPaper = ballot.PaperBallots;
        ballot.State = BallotState.Closed;
        ballot.ClosedBy = actorMemberId;
        ballot.ClosedAt = now;
        var result = await ResultAsync(ballot, body, subjects, counters, ruleSet, cancellationToken);
        foreach (var subject in subjects)
        {
            var counted = result.Subjects.Single(s => s.SubjectId == subject.SubjectId);
            subject.NeedsRevote = counted.NeedsRevote;
            if (ballot.Kind == BallotKind.Ranking)
            {
                subject.Outcome = counted.Level;
            }
            else
            {
                subject.Kept = counted.NeedsRevote ? null : counted.Level == RankingLevel.ExcellentCompletion;
            }
        }
        unitOfWork.Stage(async (context, ct) =>
        {
            var closed = await context.Ballots
                .Where(b => b.Id == ballotId && b.State == BallotState.Open && b.Cast == seenCast && b.PaperBallots == seenPaper)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(b => b.State, BallotState.Closed)
                    .SetProperty(b => b.ClosedBy, actorMemberId)
                    .SetProperty(b => b.ClosedAt, now), ct);
            if (closed == 0)
            {
                throw new ConcurrentChangeException("A ballot was cast or the ballot closed while it was being counted.");
            }
            await BallotSecrecy.ScrubAsync(context, ballotId, ct);
        });
        BallotSecrecy.AfterClose(db, unitOfWork);
        return result;
    }

    public async Task<OpenedBallot> OpenRevoteAsync(Guid ballotId, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var previous = await BallotAsync(ballotId, cancellationToken);
        var body = await SecretaryBodyAsync(previous.BodyId, actorMemberId, cancellationToken);
        if (previous.State != BallotState.Closed)
        {
            throw Refused(BallotTexts.Refused_RevoteStillOpen);
        }
        if (await db.Ballots.AnyAsync(b => b.PreviousBallotId == ballotId, cancellationToken) || db.Ballots.Local.Any(b => b.PreviousBallotId == ballotId))
        {
            throw Refused(BallotTexts.Refused_RevoteExists);
        }
        var subjects = await SubjectsAsync(ballotId, cancellationToken);
        var flagged = subjects.Where(s => s.NeedsRevote).ToList();
        if (flagged.Count == 0)
        {
            throw Refused(BallotTexts.Refused_RevoteNothing);
        }
        await RefuseAnotherOpenAsync(body, cancellationToken);
        var seats = previous.Kind == BallotKind.ExcellenceApproval ? previous.Seats - subjects.Count(s => s.Kept == true) : 0;
        var ballot = NewBallot(previous.CycleId, previous.BodyId, previous.MeetingId, previous.Kind, previous.SubjectKind,
            new MeetingConversation(previous.ChannelId, previous.ConversationId), actorMemberId, previous.Base, previous.EligibleVoters, seats);
        ballot.Round = previous.Round + 1;
        ballot.PreviousBallotId = previous.Id;
        ballot.QuorumOverridden = previous.QuorumOverridden;
        var voters = await db.BallotVoters.AsNoTracking().Where(v => v.BallotId == ballotId).ToListAsync(cancellationToken);
        var memberNames = await NamesAsync([.. voters.Select(v => v.MemberId)], cancellationToken);
        var roll = voters
            .Select(v => new BallotAttendee(v.MemberId, memberNames.GetValueOrDefault(v.MemberId, ""), v.IsOfficial, v.IsExempt, v.IsPresent))
            .ToList();
        var names = await NamesAsync([.. flagged.Select(s => s.SubjectId)], cancellationToken);
        var views = flagged.Select(s => (ToView(s, names[s.SubjectId], previous.Kind), s.HighestAllowed)).ToList();
        return Add(ballot, body.Organisation.Name, views, roll);
    }

    public async Task<BallotView?> GetAsync(Guid ballotId, CancellationToken cancellationToken)
    {
        var ballot = await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken);
        return ballot is null ? null : await ViewAsync(ballot, cancellationToken);
    }

    public async Task<BallotView?> FindOpenAsync(MeetingConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var ballot = await db.Ballots.AsNoTracking()
            .Where(b => b.ChannelId == conversation.ChannelId && b.ConversationId == conversation.ConversationId && b.State == BallotState.Open)
            .OrderByDescending(b => b.OpenedAt)
            .FirstOrDefaultAsync(cancellationToken);
        return ballot is null ? null : await ViewAsync(ballot, cancellationToken);
    }

    public async Task<BallotView?> FindLatestAsync(MeetingConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var ballot = await db.Ballots.AsNoTracking()
            .Where(b => b.ChannelId == conversation.ChannelId && b.ConversationId == conversation.ConversationId && b.State == BallotState.Closed)
            .OrderByDescending(b => b.ClosedAt)
            .ThenByDescending(b => b.Round)
            .FirstOrDefaultAsync(cancellationToken);
        return ballot is null ? null : await ViewAsync(ballot, cancellationToken);
    }

    public async Task<BallotResult> GetResultAsync(Guid ballotId, CancellationToken cancellationToken)
    {
        var ballot = await BallotAsync(ballotId, cancellationToken);
        if (ballot.State != BallotState.Closed)
        {
            throw Refused(BallotTexts.Refused_NoResultWhileOpen);
        }
        var body = await BallotBody.LoadAsync(db, ballot.BodyId, cancellationToken)
            ?? throw new KeyNotFoundException($"No organisation {ballot.BodyId}.");
        var subjects = await SubjectsAsync(ballotId, cancellationToken);
        var counters = await db.BallotCounters.AsNoTracking().Where(c => c.BallotId == ballotId).ToListAsync(cancellationToken);
        var (_, ruleSet) = await CycleAsync(ballot.CycleId, cancellationToken);
        return await ResultAsync(ballot, body, subjects, counters, ruleSet, cancellationToken);
    }

    public Task<bool> HasCastAsync(Guid ballotId, Guid voterMemberId, CancellationToken cancellationToken) =>
        db.BallotVoters.AnyAsync(v => v.BallotId == ballotId && v.MemberId == voterMemberId && v.HasCast, cancellationToken);

    public Task<bool> MayCastAsync(Guid ballotId, Guid voterMemberId, CancellationToken cancellationToken) =>
        db.BallotVoters.AnyAsync(
            v => v.BallotId == ballotId && v.MemberId == voterMemberId && v.IsOfficial && !v.IsExempt && v.IsPresent && !v.HasCast
                && db.Ballots.Any(b => b.Id == ballotId && b.State == BallotState.Open),
            cancellationToken);

    // ---- Casting ----

    private async Task<BallotView> CastAsync(
        Guid ballotId, Guid voterMemberId, BallotKind kind, IReadOnlyCollection<Guid> chosen, Func<BallotSubject, string, short> choiceFor,
        CancellationToken cancellationToken)
    {
        var ballot = await BallotAsync(ballotId, cancellationToken);
        if (ballot.State != BallotState.Open)
        {
            throw Refused(BallotTexts.Refused_Closed);
        }
        var voter = await db.BallotVoters.AsNoTracking().SingleOrDefaultAsync(v => v.BallotId == ballotId && v.MemberId == voterMemberId, cancellationToken)
            ?? throw Refused(BallotTexts.Refused_NotOnRoll);
        if (!voter.IsOfficial)
        {
            throw Refused(BallotTexts.Refused_Probationary);
        }
        if (voter.IsExempt)
        {
            throw Refused(BallotTexts.Refused_Exempt);
        }
        if (!voter.IsPresent)
        {
            throw Refused(BallotTexts.Refused_Absent);
        }
        if (voter.HasCast)
        {
            throw Refused(BallotTexts.Refused_AlreadyCast);
        }
        if (ballot.Kind != kind)
        {
            throw Refused(BallotTexts.Refused_WrongBallotKind);
        }
        var subjects = await SubjectsAsync(ballotId, cancellationToken);
        var subjectIds = subjects.Select(s => s.SubjectId).ToHashSet();
        if (chosen.Any(id => !subjectIds.Contains(id)))
        {
            throw Refused(BallotTexts.Refused_UnknownSubject);
        }
        var names = await NamesAsync([.. subjectIds], cancellationToken);
        var missing = subjects.Where(s => !chosen.Contains(s.SubjectId)).Select(s => names[s.SubjectId]).ToList();
        if (missing.Count > 0)
        {
            throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_MissingSubject, string.Join(", ", missing)));
        }
        var picks = subjects.Select(s => (s.SubjectId, Choice: choiceFor(s, names[s.SubjectId]))).ToList();
        unitOfWork.Stage((context, ct) => CountCastAsync(context, ballotId, voterMemberId, picks, ct));
        ballot.Cast++;
        return await ViewAsync(ballot, await BodyNameAsync(ballot.BodyId, cancellationToken), subjects, cancellationToken);
    }

    /// <summary>
    /// One cast, inside the turn's commit: the ballot row first (its row lock orders concurrent casts and whatever
    /// they stage afterwards, such as the status card's update), then the voter's flag, conditional on not having
    /// cast (a duplicate submit committing second finds it set and the whole transaction is abandoned), then one
    /// anonymous counter per subject.
    /// </summary>
    private static async Task CountCastAsync(
        KiemDiemDbContext context, Guid ballotId, Guid voterMemberId, List<(Guid SubjectId, short Choice)> picks, CancellationToken cancellationToken)
    {
        var counted = await context.Ballots
            .Where(b => b.Id == ballotId && b.State == BallotState.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Cast, b => b.Cast + 1), cancellationToken);
        if (counted == 0)
        {
            throw new ConcurrentChangeException("The ballot closed before this cast was counted.");
        }
        var flagged = await context.BallotVoters
            .Where(v => v.BallotId == ballotId && v.MemberId == voterMemberId && !v.HasCast && v.IsOfficial && v.IsPresent && !v.IsExempt)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.HasCast, true), cancellationToken);
        if (flagged == 0)
        {
            throw new ConcurrentChangeException("The voter's ballot was counted by another unit of work first.");
        }
        var parameters = new List<object> { ballotId, (short)BallotSource.Chat };
        var sql = new StringBuilder("UPDATE ballot_counters SET votes = votes + 1 WHERE ballot_id = {0} AND source = {1} AND (");
        for (var i = 0; i < picks.Count; i++)
        {
            var first = parameters.Count;
            parameters.Add(picks[i].SubjectId);
            parameters.Add(picks[i].Choice);
            sql.Append(i == 0 ? "" : " OR ").Append(CultureInfo.InvariantCulture, $"(subject_id = {{{first}}} AND choice = {{{first + 1}}})");
        }
        sql.Append(')');
        var updated = await context.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, cancellationToken);
        if (updated != picks.Count)
        {
            throw new InvalidOperationException($"A cast found {updated} of its {picks.Count} counters.");
        }
    }

    // ---- Opening ----

    private static Ballot NewBallot(
        Guid cycleId, Guid bodyId, Guid? meetingId, BallotKind kind, BallotSubjectKind subjectKind, MeetingConversation conversation,
        Guid actorMemberId, int baseSize, int eligible, int seats) => new()
    {
        CycleId = cycleId,
        BodyId = bodyId,
        MeetingId = meetingId,
        Kind = kind,
        SubjectKind = subjectKind,
        State = BallotState.Open,
        Seats = seats,
        Base = baseSize,
        EligibleVoters = eligible,
        ChannelId = conversation.ChannelId,
        ConversationId = conversation.ConversationId,
        OpenedBy = actorMemberId,
    };

    /// <summary>Stages the ballot, its subjects, its roll and every counter at zero, so a cast only adds.</summary>
    private OpenedBallot Add(Ballot ballot, string bodyName, List<(BallotSubjectView View, RankingLevel Highest)> subjects, List<BallotAttendee> roll)
    {
        if (ballot.EligibleVoters == 0)
        {
            throw Refused(BallotTexts.Refused_NoVoters);
        }
        var now = clock.GetUtcNow();
        ballot.Id = Guid.CreateVersion7(now);
        ballot.OpenedAt = now;
        var (ballotId, bodyId) = (ballot.Id, ballot.BodyId);
        unitOfWork.Stage((context, ct) => RefuseConcurrentOpenAsync(context, ballotId, bodyId, ct));
        db.Ballots.Add(ballot);
        var choices = ballot.Kind == BallotKind.Ranking
            ? RankingLevels.TopDown.Select(l => (short)l).ToList()
            : [BallotCounter.Agree, BallotCounter.Disagree];
        var position = 0;
        foreach (var (view, highest) in subjects)
        {
            db.BallotSubjects.Add(new BallotSubject
            {
                BallotId = ballot.Id,
                SubjectId = view.SubjectId,
                Position = position++,
                HighestAllowed = highest,
                CapReasons = view.CapReasons.Count == 0 ? null : string.Join('\n', view.CapReasons),
            });
            foreach (var choice in choices)
            {
                foreach (var source in (BallotSource[])[BallotSource.Chat, BallotSource.Paper])
                {
                    db.BallotCounters.Add(new BallotCounter { BallotId = ballot.Id, SubjectId = view.SubjectId, Choice = choice, Source = source });
                }
            }
        }
        foreach (var attendee in roll)
        {
            db.BallotVoters.Add(new BallotVoter
            {
                BallotId = ballot.Id,
                MemberId = attendee.MemberId,
                IsOfficial = attendee.IsOfficial,
                IsExempt = attendee.IsExempt,
                IsPresent = attendee.IsPresent,
            });
        }
        var opened = ToView(ballot, bodyName, [.. subjects.Select(s => s.View)]);
        return new OpenedBallot(opened, [.. roll.Where(a => a.MayVote).Select(a => a.MemberId)]);
    }

    /// <summary>
    /// Inside the opening commit: one open ballot per body, even when two secretaries open at once. PostgreSQL locks
    /// the body's row so the second opening waits and then sees the first; SQLite's commits are serialised already.
    /// </summary>
    private static async Task RefuseConcurrentOpenAsync(KiemDiemDbContext context, Guid ballotId, Guid bodyId, CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql())
        {
            await context.Database.ExecuteSqlAsync($"SELECT id FROM organisations WHERE id = {bodyId} FOR UPDATE", cancellationToken);
        }
        if (await context.Ballots.AnyAsync(b => b.BodyId == bodyId && b.State == BallotState.Open && b.Id != ballotId, cancellationToken))
        {
            throw new ConcurrentChangeException("Another ballot of the body opened first.");
        }
    }

    private async Task<List<(BallotSubjectView View, RankingLevel Highest)>> SubjectsToOpenAsync(
        BallotBody body, BallotSubjectKind kind, List<Guid> subjectIds, Guid cycleId, int year, IRuleSet ruleSet,
        CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case BallotSubjectKind.Member:
            {
                var members = body.Members.Where(m => subjectIds.Contains(m.Id)).ToDictionary(m => m.Id);
                if (members.Count != subjectIds.Count)
                {
                    throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_SubjectNotInBody, body.Organisation.Name));
                }
                return [.. subjectIds.Select(id => MemberSubject(members[id], year, ruleSet))];
            }
            default:
            {
                var organisations = await db.Organisations.AsNoTracking().Where(o => subjectIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
                var fits = subjectIds.All(id => organisations.TryGetValue(id, out var o) && (kind == BallotSubjectKind.LeadershipCollective
                    ? o.Kind.IsLeadershipCollective() && (o.Id == body.Organisation.Id || o.ParentId == body.Organisation.Id)
                    : !o.Kind.IsLeadershipCollective() && o.Kind != OrganisationKind.PartyGroup && (o.Id == body.Organisation.Id || o.ParentId == body.Organisation.Id)));
                if (!fits)
                {
                    throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_SubjectNotInBody, body.Organisation.Name));
                }
                var subjects = new List<(BallotSubjectView View, RankingLevel Highest)>();
                foreach (var id in subjectIds)
                {
                    subjects.Add(await BodySubjectCaps.ForAsync(db, organisations[id], cycleId, year, ruleSet, cancellationToken));
                }
                return subjects;
            }
        }
    }

    /// <summary>The body's members to rank, in agenda order (leaders first, then the meeting's list order), each with its caps.</summary>
    private List<BallotSubjectView> MemberSubjects(BallotBody body, List<Member> summoned, ReviewMeetingInfo? meeting, int year, IRuleSet ruleSet)
    {
        var meetingDate = WorkingCalendar.ToLocalDate(meeting?.StartsAt ?? clock.GetUtcNow());
        var listed = summoned.Where(m => body.Members.Any(b => b.Id == m.Id))
            .Concat(body.Members.Where(m => !summoned.Any(s => s.Id == m.Id)).OrderBy(m => m.FullName, ByName))
            .Where(m => RankingEligibility.Decide(m.ToMemberFacts(), ruleSet.Settings.Eligibility, meetingDate).Allowed)
            .ToList();
        var own = body.OwnBodies();
        var agenda = ruleSet.AgendaFor(new MeetingFacts(body.Organisation.Id, MeetingKind.PartyOrganisation, ReviewsCollective: false,
            [.. listed.Select(m => new MeetingParticipant(m.Id, body.PartyRole(m.Id, own), body.AgencyRole(m.Id), IsReviewedHere: true))]));
        var byId = listed.ToDictionary(m => m.Id);
        return [.. agenda.Where(item => item.Kind == AgendaItemKind.Individual && byId.ContainsKey(item.SubjectId))
            .Select(item => MemberSubject(byId[item.SubjectId], year, ruleSet).View)];
    }

    private static (BallotSubjectView View, RankingLevel Highest) MemberSubject(Member member, int year, IRuleSet ruleSet)
    {
        var capped = ruleSet.CapMemberLevel(RankingLevel.ExcellentCompletion, member.ToCapFacts(year));
        var view = new BallotSubjectView(member.Id, member.FullName,
            [.. RankingLevels.TopDown.Where(l => l <= capped.Level)],
            [.. capped.Caps.Select(c => c.Reason.Text)]);
        return (view, capped.Level);
    }

    /// <summary>Official, and not exempt (exempt from or suspended from activities; a committee member suspended from the committee, in a committee).</summary>
    private static BallotAttendee Attendee(Member member, BallotBody body, bool isPresent) => new(
        member.Id,
        member.FullName,
        member.Membership == MembershipKind.Official,
        member.ActivityStatus != PartyActivityStatus.Active || (body.VotingBody == VotingBody.Committee && member.SuspendedFromCommittee),
        isPresent);

    /// <summary>Summoned: the meeting's participants, in its list order, when it lists them; otherwise the body's members by name.</summary>
    private async Task<List<Member>> SummonedAsync(BallotBody body, ReviewMeetingInfo? meeting, CancellationToken cancellationToken)
    {
        if (meeting is { ParticipantIds.Count: > 0 })
        {
            var ids = meeting.ParticipantIds.ToList();
            var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
            return [.. ids.Where(members.ContainsKey).Select(id => members[id])];
        }
        return [.. body.Members.OrderBy(m => m.FullName, ByName)];
    }

    private async Task<ReviewMeetingInfo?> MeetingAsync(Guid cycleId, Guid bodyId, CancellationToken cancellationToken)
    {
        var meeting = await db.ReviewMeetings.AsNoTracking()
            .Where(m => m.CycleId == cycleId && m.OrganisationId == bodyId && m.CancelledAt == null)
            .Select(m => new { m.Id, m.StartsAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (meeting is null)
        {
            return null;
        }
        var participants = await db.ReviewMeetingParticipants.AsNoTracking()
            .Where(p => p.MeetingId == meeting.Id)
            .OrderBy(p => p.Position)
            .Select(p => p.MemberId)
            .ToListAsync(cancellationToken);
        return new ReviewMeetingInfo(meeting.Id, meeting.StartsAt, participants);
    }

    /// <summary>The body a member leads as secretary or deputy: a cell first, then others, by name.</summary>
    private async Task<Guid?> DefaultBodyAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.MemberId == memberId && (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary))
            .Select(p => new { p.Body!.Id, p.Body.Kind, p.Body.ParentId, p.Body.Name, p.Title })
            .ToListAsync(cancellationToken);
        return posts
            .Where(p => p.Kind is not (OrganisationKind.AgencyLeadership or OrganisationKind.PartyDelegation))
            .Select(p => new
            {
                Id = p.Kind is OrganisationKind.ExecutiveCommittee or OrganisationKind.StandingCommittee or OrganisationKind.CellCommittee
                    ? p.ParentId ?? p.Id
                    : p.Id,
                IsCell = p.Kind.IsCell(),
                p.Title,
                p.Name,
            })
            .OrderByDescending(p => p.IsCell)
            .ThenBy(p => p.Title)
            .ThenBy(p => p.Name, ByName)
            .Select(p => (Guid?)p.Id)
            .FirstOrDefault();
    }

    private async Task RefuseAnotherOpenAsync(BallotBody body, CancellationToken cancellationToken)
    {
        var bodyId = body.Organisation.Id;
        if (await db.Ballots.AnyAsync(b => b.BodyId == bodyId && b.State == BallotState.Open, cancellationToken)
            || db.Ballots.Local.Any(b => b.BodyId == bodyId && b.State == BallotState.Open))
        {
            throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_AnotherBallotOpen, body.Organisation.Name));
        }
    }

    // ---- Counting ----

    private async Task<BallotResult> ResultAsync(
        Ballot ballot, BallotBody body, List<BallotSubject> subjects, List<BallotCounter> counters, IRuleSet ruleSet, CancellationToken cancellationToken)
    {
        var names = await NamesAsync([.. subjects.Select(s => s.SubjectId)], cancellationToken);
        var view = ToView(ballot, body.Organisation.Name, [.. subjects.Select(s => ToView(s, names[s.SubjectId], ballot.Kind))]);
        var counted = BallotTally.Count(ballot, subjects, counters, names, ruleSet);
        var toDo = new List<string>();
        var revote = counted.Where(s => s.NeedsRevote).Select(s => s.Name).ToList();
        if (revote.Count > 0)
        {
            toDo.Add(ballot.Kind == BallotKind.Ranking
                ? string.Format(RuleReason.TextCulture, BallotTexts.ToDo_Revote, string.Join(", ", revote))
                : string.Format(RuleReason.TextCulture, BallotTexts.ToDo_ApprovalRevote, string.Join(", ", revote),
                    ballot.Seats - counted.Count(s => s.Level == RankingLevel.ExcellentCompletion)));
        }
        string? capWarning = null;
        if (ballot.Kind == BallotKind.Ranking)
        {
            var check = ruleSet.CheckExcellenceCap([.. counted.Where(s => s.Level is not null).Select(s => new Rules.Excellence.CapGroupSubject(s.SubjectId, s.Level!.Value))]);
            if (!check.Holds)
            {
                capWarning = body.Organisation.Kind == OrganisationKind.AffiliatedCell
                    ? string.Format(RuleReason.TextCulture, BallotTexts.CapWarning_CellOnly, check.Reason!.Text)
                    : check.Reason!.Text;
                toDo.Add(BallotTexts.ToDo_CapWarning);
            }
        }
        if (revote.Count == 0)
        {
            toDo.Add(BallotTexts.ToDo_Adopt);
        }
        return new BallotResult(view, counted, capWarning, toDo);
    }

    // ---- Reading ----

    /// <summary>The ballot as committed (never the tracked entity: the service changes ballots only through staged statements).</summary>
    private async Task<Ballot> BallotAsync(Guid ballotId, CancellationToken cancellationToken) =>
        await db.Ballots.AsNoTracking().SingleOrDefaultAsync(b => b.Id == ballotId, cancellationToken)
            ?? throw Refused(BallotTexts.Refused_BallotNotFound);

    private async Task<List<BallotSubject>> SubjectsAsync(Guid ballotId, CancellationToken cancellationToken)
    {
        var local = db.BallotSubjects.Local.Where(s => s.BallotId == ballotId).ToList();
        return local.Count > 0
            ? [.. local.OrderBy(s => s.Position)]
            : await db.BallotSubjects.AsNoTracking().Where(s => s.BallotId == ballotId).OrderBy(s => s.Position).ToListAsync(cancellationToken);
    }

    private async Task<BallotBody> SecretaryBodyAsync(Guid bodyId, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var body = await BallotBody.LoadAsync(db, bodyId, cancellationToken) ?? throw new KeyNotFoundException($"No organisation {bodyId}.");
        if (!body.IsSecretary(actorMemberId))
        {
            throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_NotSecretary, body.Organisation.Name));
        }
        return body;
    }

    private async Task<(ReviewCycle Cycle, IRuleSet RuleSet)> CycleAsync(Guid cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        if (!RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet))
        {
            throw new InvalidOperationException($"The review cycle {cycleId} names the unknown rule set '{cycle.RuleSetCode}'.");
        }
        return (cycle, ruleSet);
    }

    /// <summary>Subject and member names: members by full name, organisations by name.</summary>
    private async Task<Dictionary<Guid, string>> NamesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var names = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.FullName, cancellationToken);
        if (names.Count < ids.Count)
        {
            foreach (var organisation in await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            {
                names[organisation.Id] = organisation.Name;
            }
        }
        return names;
    }

    private Task<string> BodyNameAsync(Guid bodyId, CancellationToken cancellationToken) =>
        db.Organisations.Where(o => o.Id == bodyId).Select(o => o.Name).SingleAsync(cancellationToken);

    private async Task<BallotView> ViewAsync(Ballot ballot, CancellationToken cancellationToken) =>
        await ViewAsync(ballot, await BodyNameAsync(ballot.BodyId, cancellationToken), await SubjectsAsync(ballot.Id, cancellationToken), cancellationToken);

    private async Task<BallotView> ViewAsync(Ballot ballot, string bodyName, List<BallotSubject> subjects, CancellationToken cancellationToken)
    {
        var names = await NamesAsync([.. subjects.Select(s => s.SubjectId)], cancellationToken);
        return ToView(ballot, bodyName, [.. subjects.Select(s => ToView(s, names[s.SubjectId], ballot.Kind))]);
    }

    private static BallotSubjectView ToView(BallotSubject subject, string name, BallotKind kind) => new(
        subject.SubjectId,
        name,
        kind == BallotKind.Ranking ? [.. RankingLevels.TopDown.Where(l => l <= subject.HighestAllowed)] : [],
        subject.CapReasons is null ? [] : subject.CapReasons.Split('\n'));

    private static BallotView ToView(Ballot ballot, string bodyName, IReadOnlyList<BallotSubjectView> subjects) => new(
        ballot.Id, ballot.CycleId, ballot.BodyId, bodyName, ballot.Kind, ballot.SubjectKind, ballot.State, ballot.Round, ballot.PreviousBallotId,
        ballot.Seats, ballot.Base, ballot.EligibleVoters, ballot.Cast, ballot.PaperBallots, ballot.QuorumOverridden,
        new MeetingConversation(ballot.ChannelId, ballot.ConversationId), subjects);

    private static List<(short Choice, int Votes)> PaperRankingChoices(PaperTally tally, BallotSubject subject, string name)
    {
        var choices = new List<(short Choice, int Votes)>();
        foreach (var (level, votes) in tally.Votes)
        {
            if (!Enum.IsDefined(level))
            {
                throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_UnknownLevel, name));
            }
            if (level > subject.HighestAllowed && votes > 0)
            {
                throw Refused(string.Format(RuleReason.TextCulture, BallotTexts.Refused_AboveCap, name,
                    subject.HighestAllowed.DisplayName(), subject.CapReasons?.Replace('\n', ' ') ?? ""));
            }
            choices.Add(((short)level, votes));
        }
        return choices;
    }

    private static BallotRefusedException Refused(string message) => new(message);

    private sealed record ReviewMeetingInfo(Guid Id, DateTimeOffset StartsAt, IReadOnlyList<Guid> ParticipantIds);
}
