using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Rankings;

/// <summary>
/// The deciding body's side of the ranking (seed B.2.2): a grassroots cell decides its own members' levels; in a
/// grassroots committee the cells' ballots are proposals and the committee adopts them, blocked until every subject
/// has a result and the 20% cap holds across its cells per subject type. The approval ballot's dropped names are
/// adopted at HTTNV. A decided ranking can be re-ranked with a reason (seed II.5). Everything is staged and audited.
/// </summary>
internal sealed class RankingDecisionService(
    KiemDiemDbContext db,
    AuditTrail audit,
    IBallotService ballots,
    IMemberFactsSource memberFacts,
    TimeProvider clock) : IRankingDecisionService
{
    public async Task<AdoptionCheck> CheckAsync(Guid cycleId, Guid bodyId, CancellationToken cancellationToken)
    {
        var (_, scope, evaluation) = await EvaluateAsync(cycleId, bodyId, cancellationToken);
        return ToCheck(cycleId, scope, evaluation);
    }

    public async Task<OpenedBallot> OpenApprovalBallotAsync(
        Guid cycleId, Guid bodyId, Guid actorMemberId, MeetingConversation conversation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversation);
        var (_, scope, evaluation) = await EvaluateAsync(cycleId, bodyId, cancellationToken);
        await EnsureLeadsAsync(scope, actorMemberId, cancellationToken);
        if (evaluation.Readiness.Count > 0)
        {
            throw new BallotRefusedException(string.Join("\n", evaluation.Readiness));
        }
        if (evaluation.ApprovalUnderway)
        {
            throw new BallotRefusedException(Format(RankingTexts.ApprovalAlreadyRunning, scope.Deciding.Name));
        }
        if (evaluation.Candidates.Count == 0)
        {
            throw new BallotRefusedException(RankingTexts.CapHolds);
        }
        // The ballot service opens it in the deciding body: its committee members vote (a grassroots cell's own members).
        return await ballots.OpenApprovalAsync(
            cycleId, scope.Deciding.Id, evaluation.Candidates, evaluation.Seats, conversation, actorMemberId, cancellationToken);
    }

    public async Task<AdoptionResult> AdoptAsync(Guid cycleId, Guid bodyId, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var (_, scope, evaluation) = await EvaluateAsync(cycleId, bodyId, cancellationToken);
        await EnsureLeadsAsync(scope, actorMemberId, cancellationToken);
        var blockers = evaluation.Blockers;
        if (blockers.Count > 0)
        {
            throw new BallotRefusedException(string.Join("\n", blockers));
        }
        if (evaluation.PendingBallots.Count == 0)
        {
            throw new BallotRefusedException(Format(RankingTexts.NothingPending, scope.Deciding.Name));
        }
        var now = clock.GetUtcNow();
        var actor = actorMemberId.ToString();
        var existing = scope.Decisions.ToDictionary(d => (d.SubjectKind, d.SubjectId));
        // A subject decided by another body (it moved between organisations) keeps one row: the unique index is per cycle.
        var subjectIds = evaluation.Results.Select(r => r.SubjectId).ToList();
        var elsewhere = await db.RankingDecisions
            .Where(r => r.CycleId == cycleId && r.DecidedByBodyId != scope.Deciding.Id && subjectIds.Contains(r.SubjectId))
            .ToListAsync(cancellationToken);
        foreach (var decision in elsewhere)
        {
            existing.TryAdd((decision.SubjectKind, decision.SubjectId), decision);
        }
        var adopted = new List<RankingDecision>();
        foreach (var result in evaluation.Results)
        {
            var reason = result.DroppedByApproval ? RankingTexts.Approval_Dropped : null;
            if (existing.TryGetValue((result.Kind, result.SubjectId), out var decision))
            {
                var from = decision.Level;
                decision.Level = result.Level;
                decision.DecidedByBodyId = scope.Deciding.Id;
                decision.BallotId = result.Ballot.Id;
                decision.Revision++;
                decision.Reason = reason;
                decision.DecidedAt = now;
                decision.DecidedBy = actorMemberId;
                Audit(actor, decision, AuditFields.RankingAdopted, from, reason);
            }
            else
            {
                decision = new RankingDecision
                {
                    Id = Guid.NewGuid(),
                    CycleId = cycleId,
                    SubjectKind = result.Kind,
                    SubjectId = result.SubjectId,
                    Level = result.Level,
                    DecidedByBodyId = scope.Deciding.Id,
                    BallotId = result.Ballot.Id,
                    Reason = reason,
                    DecidedAt = now,
                    DecidedBy = actorMemberId,
                };
                db.RankingDecisions.Add(decision);
                Audit(actor, decision, AuditFields.RankingAdopted, null, reason);
            }
            adopted.Add(decision);
        }
        foreach (var ballot in evaluation.PendingBallots.Concat(evaluation.ApprovalBallots))
        {
            ballot.AdoptedAt = now;
        }
        return new AdoptionResult([.. Order(adopted.Select(d => View(scope, d)))]);
    }

    public async Task<RankingView> ReRankAsync(
        Guid cycleId, Guid subjectId, RankingLevel level, string reason, Guid actorMemberId, CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, null);
        }
        var decision = await db.RankingDecisions.SingleOrDefaultAsync(r => r.CycleId == cycleId && r.SubjectId == subjectId, cancellationToken)
            ?? throw new BallotRefusedException(RankingTexts.ReRank_NoDecision);
        var (cycle, scope, _) = await EvaluateAsync(cycleId, decision.DecidedByBodyId, cancellationToken);
        // The scope tracks the same row: work on that instance.
        decision = scope.Decisions.Single(d => d.Id == decision.Id);
        await EnsureLeadsAsync(scope, actorMemberId, cancellationToken);
        var trimmed = reason?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            throw new BallotRefusedException(RankingTexts.ReRank_ReasonRequired);
        }
        if (trimmed.Length > RankingDecisionLimits.MaxReasonLength)
        {
            throw new BallotRefusedException(Format(RankingTexts.ReRank_ReasonTooLong, RankingDecisionLimits.MaxReasonLength));
        }
        var name = scope.SubjectName(subjectId);
        if (decision.Level == level)
        {
            throw new BallotRefusedException(Format(RankingTexts.ReRank_SameLevel, name, level.DisplayName()));
        }
        await EnsureWithinCapsAsync(cycle, scope, decision, level, name, cancellationToken);
        var from = decision.Level;
        decision.Level = level;
        decision.Revision++;
        decision.Reason = trimmed;
        decision.BallotId = null;
        decision.DecidedAt = clock.GetUtcNow();
        decision.DecidedBy = actorMemberId;
        Audit(actorMemberId.ToString(), decision, AuditFields.RankingReRanked, from, trimmed);
        return View(scope, decision);
    }

    public async Task<IReadOnlyList<RankingView>> ListAsync(Guid cycleId, Guid organisationId, CancellationToken cancellationToken)
    {
        var organisations = (await db.Organisations.AsNoTracking()
                .Select(o => new DecisionOrganisation(o.Id, o.Name, o.Kind, o.ParentId))
                .ToListAsync(cancellationToken))
            .ToDictionary(o => o.Id);
        if (!organisations.ContainsKey(organisationId))
        {
            return [];
        }
        var subtree = DecisionScope.Subtree(organisations, organisationId).ToHashSet();
        var decisions = await db.RankingDecisions.AsNoTracking().Where(r => r.CycleId == cycleId).ToListAsync(cancellationToken);
        var members = await DecisionScope.MemberNamesAsync(db, [.. decisions.Select(d => d.SubjectId).Where(id => !organisations.ContainsKey(id))], cancellationToken);
        var views = new List<RankingView>();
        foreach (var decision in decisions)
        {
            var (name, cell) = members.TryGetValue(decision.SubjectId, out var member)
                ? (member.Name, organisations.GetValueOrDefault(member.CellId))
                : (organisations.GetValueOrDefault(decision.SubjectId)?.Name ?? "", OrganisationCellOf(organisations, decision));
            if (cell is not null && subtree.Contains(cell.Id))
            {
                views.Add(ToView(decision, name, cell));
            }
        }
        return [.. Order(views)];
    }

    private async Task<(ReviewCycle Cycle, DecisionScope Scope, AdoptionEvaluation Evaluation)> EvaluateAsync(
        Guid cycleId, Guid bodyId, CancellationToken cancellationToken)
    {
        var cycle = await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        var scope = await DecisionScope.LoadAsync(db, cycleId, bodyId, cancellationToken);
        return (cycle, scope, AdoptionEvaluation.Evaluate(scope, RuleSetOf(cycle).Settings.ExcellenceCap));
    }

    private static IRuleSet RuleSetOf(ReviewCycle cycle) =>
        RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet)
            ? ruleSet
            : throw new InvalidOperationException($"The review cycle {cycle.Id} names the unknown rule set '{cycle.RuleSetCode}'.");

    private static AdoptionCheck ToCheck(Guid cycleId, DecisionScope scope, AdoptionEvaluation evaluation) => new(
        cycleId,
        scope.Deciding.Id,
        scope.Deciding.Name,
        [.. evaluation.PendingBallots.Select(b => b.Id)],
        evaluation.Blockers,
        evaluation.Candidates,
        evaluation.Seats);

    /// <summary>Only the deciding body's secretary or deputy secretary (held in the organisation or its committee).</summary>
    private async Task EnsureLeadsAsync(DecisionScope scope, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.MemberId == actorMemberId && (p.Title == PositionTitle.Secretary || p.Title == PositionTitle.DeputySecretary))
            .Select(p => p.BodyId)
            .ToListAsync(cancellationToken);
        var deciding = scope.Deciding;
        var leads = posts.Any(id => id == deciding.Id
            || (scope.Find(id) is { } body && body.ParentId == deciding.Id && DecisionScope.IsCommittee(body.Kind)));
        if (leads)
        {
            return;
        }
        var asked = scope.Asked;
        var leadsTheCell = asked.Id != deciding.Id && asked.Kind.IsCell() && posts.Any(id => id == asked.Id
            || (scope.Find(id) is { } body && body.ParentId == asked.Id && DecisionScope.IsCommittee(body.Kind)));
        throw new BallotRefusedException(leadsTheCell
            ? Format(RankingTexts.CellOnlyProposes, asked.Name, deciding.Name)
            : Format(RankingTexts.NotDecidingLeader, deciding.Name));
    }

    /// <summary>A re-ranked level may not go above the subject's hard caps, nor break the 20% cap of its group.</summary>
    private async Task EnsureWithinCapsAsync(
        ReviewCycle cycle, DecisionScope scope, RankingDecision decision, RankingLevel level, string name, CancellationToken cancellationToken)
    {
        var ruleSet = RuleSetOf(cycle);
        if (decision.SubjectKind == BallotSubjectKind.Member
            && await memberFacts.FindAsync(decision.SubjectId, cycle.Year, cancellationToken) is { } facts)
        {
            var capped = ruleSet.CapMemberLevel(level, facts.Caps);
            if (capped.WasLowered)
            {
                throw new BallotRefusedException(Format(RankingTexts.ReRank_AboveCap, name, level.DisplayName(),
                    string.Join(" ", capped.Caps.Select(c => c.Reason.Text))));
            }
        }
        else if (decision.BallotId is { } ballotId
            && await db.BallotSubjects.AsNoTracking().SingleOrDefaultAsync(s => s.BallotId == ballotId && s.SubjectId == decision.SubjectId, cancellationToken) is { } subject
            && level > subject.HighestAllowed)
        {
            throw new BallotRefusedException(Format(RankingTexts.ReRank_AboveCap, name, level.DisplayName(), subject.CapReasons ?? ""));
        }
        if (level != RankingLevel.ExcellentCompletion)
        {
            return;
        }
        var ballots = scope.Ballots.ToDictionary(b => b.Id);
        CapGroupKind GroupOf(RankingDecision d) => d.BallotId is { } id && ballots.TryGetValue(id, out var ballot)
            ? CapGroupKinds.Of(ballot.SubjectKind, scope.Find(ballot.BodyId)?.Kind)
            : CapGroupKinds.Of(d.SubjectKind, null);
        var group = GroupOf(decision);
        var subjects = scope.Decisions
            .Where(d => GroupOf(d) == group)
            .Select(d => new CapGroupSubject(d.SubjectId, d.Id == decision.Id ? level : d.Level))
            .ToList();
        var settings = ruleSet.Settings.ExcellenceCap;
        var check = ExcellenceCap.Check(subjects, settings);
        if (!check.Holds)
        {
            var multiplier = 100 / settings.EffectivePercent;
            var line = Format(RankingTexts.CapExceeded, group.DisplayName(), check.Excellent, check.Good, multiplier,
                check.Excellent * multiplier, settings.EffectivePercent, check.MaximumExcellent);
            throw new BallotRefusedException(Format(RankingTexts.ReRank_ExcellenceCap, name, line));
        }
    }

    private void Audit(string actor, RankingDecision decision, string field, RankingLevel? from, string? reason) =>
        audit.Record(new AuditChange(actor, AuditSubjectKind.Ranking, decision.Id, field, from?.ToString(), decision.Level.ToString(), reason)
        {
            OrganisationId = decision.DecidedByBodyId,
        });

    private static RankingView View(DecisionScope scope, RankingDecision decision)
    {
        var cell = scope.CellOf(decision.SubjectId, decision.SubjectKind);
        return ToView(decision, scope.SubjectName(decision.SubjectId), cell);
    }

    private static RankingView ToView(RankingDecision decision, string name, DecisionOrganisation? cell) => new(
        decision.CycleId,
        decision.SubjectKind,
        decision.SubjectId,
        name,
        cell?.Id ?? Guid.Empty,
        cell?.Name ?? "",
        decision.Level,
        decision.DecidedByBodyId,
        decision.BallotId,
        decision.Revision,
        decision.Reason,
        decision.DecidedAt);

    private static DecisionOrganisation? OrganisationCellOf(Dictionary<Guid, DecisionOrganisation> organisations, RankingDecision decision)
    {
        var organisation = organisations.GetValueOrDefault(decision.SubjectId);
        return decision.SubjectKind == BallotSubjectKind.LeadershipCollective && organisation?.ParentId is { } led
            ? organisations.GetValueOrDefault(led) ?? organisation
            : organisation;
    }

    private static IEnumerable<RankingView> Order(IEnumerable<RankingView> views)
    {
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        return views.OrderBy(v => v.CellName, byName).ThenBy(v => v.SubjectKind).ThenBy(v => v.SubjectName, byName).ThenBy(v => v.SubjectId);
    }

    private static string Format(string format, params object[] arguments) => string.Format(RuleReason.TextCulture, format, arguments);
}
