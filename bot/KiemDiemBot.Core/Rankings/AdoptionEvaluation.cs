using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;

namespace KiemDiemBot.Core.Rankings;

/// <summary>One subject's counted level waiting for adoption, with the approval ballot's outcome applied.</summary>
/// <param name="Ballot">The latest closed round that counted the subject.</param>
/// <param name="Counted">The level the ballot counted.</param>
/// <param name="Level">The level to adopt: <paramref name="Counted"/>, or HTTNV when the approval ballot dropped the name.</param>
internal sealed record PendingResult(BallotSubjectKind Kind, Guid SubjectId, Ballot Ballot, RankingLevel Counted, RankingLevel Level, CapGroupKind Group)
{
    public bool DroppedByApproval => Level < Counted;
}

/// <summary>
/// What a deciding body could adopt now and what blocks it, worked out from a <see cref="DecisionScope"/>:
/// each subject's level from the latest closed round that counted it (a re-vote covers only the flagged subjects);
/// every ballot still open, every subject with no result, and every cap group (grassroots organisation and subject
/// type) whose HTXSNV count breaks the 20% cap (5·E ≤ G) once the approval ballot's dropped names count as HTTNV.
/// Decisions already made by the body count in the cap groups too, so that a cell adopted later cannot break it.
/// </summary>
internal sealed class AdoptionEvaluation
{
    private AdoptionEvaluation(
        IReadOnlyList<Ballot> pendingBallots,
        IReadOnlyList<Ballot> approvalBallots,
        IReadOnlyList<PendingResult> results,
        IReadOnlyList<string> readiness,
        IReadOnlyList<string> capLines,
        IReadOnlyList<Guid> candidates,
        BallotSubjectKind candidateKind,
        int seats,
        bool approvalUnderway)
    {
        PendingBallots = pendingBallots;
        ApprovalBallots = approvalBallots;
        Results = results;
        Readiness = readiness;
        CapLines = capLines;
        Candidates = candidates;
        CandidateKind = candidateKind;
        Seats = seats;
        ApprovalUnderway = approvalUnderway;
    }

    /// <summary>Closed ranking ballots (every round) not adopted yet.</summary>
    public IReadOnlyList<Ballot> PendingBallots { get; }

    /// <summary>Closed approval ballots (every round) not adopted yet.</summary>
    public IReadOnlyList<Ballot> ApprovalBallots { get; }

    public IReadOnlyList<PendingResult> Results { get; }

    /// <summary>Open ballots and subjects with no result: what must be done before even the cap can be judged.</summary>
    public IReadOnlyList<string> Readiness { get; }

    /// <summary>The cap groups that break the cap, with the numbers, and the approval ballot's state.</summary>
    public IReadOnlyList<string> CapLines { get; }

    public IReadOnlyList<string> Blockers => [.. Readiness, .. CapLines];

    /// <summary>The HTXSNV subjects of the first cap group that breaks the cap, when no approval ballot is under way for it.</summary>
    public IReadOnlyList<Guid> Candidates { get; }

    public BallotSubjectKind CandidateKind { get; }

    public int Seats { get; }

    /// <summary>An approval ballot is open, or closed with a tie at the cut that needs its re-vote.</summary>
    public bool ApprovalUnderway { get; }

    public static AdoptionEvaluation Evaluate(DecisionScope scope, ExcellenceCapSettings settings)
    {
        var readiness = new List<string>();
        var openBodies = scope.Ballots.Where(b => b.State == BallotState.Open).Select(b => b.BodyId).Distinct().ToList();
        readiness.AddRange(openBodies.Select(body => Format(RankingTexts.BallotStillOpen, scope.BodyName(body))));

        var pending = scope.Ballots.Where(b => b.Kind == BallotKind.Ranking && b.State == BallotState.Closed && b.AdoptedAt is null).ToList();
        var latest = new Dictionary<(BallotSubjectKind, Guid), (Ballot Ballot, BallotSubject Subject)>();
        foreach (var ballot in pending)
        {
            foreach (var subject in scope.Subjects[ballot.Id])
            {
                latest[(ballot.SubjectKind, subject.SubjectId)] = (ballot, subject);
            }
        }
        foreach (var (ballot, subject) in latest.Values.Where(l => l.Subject.Outcome is null && !openBodies.Contains(l.Ballot.BodyId)))
        {
            readiness.Add(Format(RankingTexts.SubjectWithoutResult, scope.SubjectName(subject.SubjectId), scope.BodyName(ballot.BodyId)));
        }

        var approvals = scope.Ballots.Where(b => b.Kind == BallotKind.ExcellenceApproval && b.AdoptedAt is null).ToList();
        var approvalLatest = new Dictionary<Guid, BallotSubject>();
        foreach (var ballot in approvals.Where(b => b.State == BallotState.Closed))
        {
            foreach (var subject in scope.Subjects[ballot.Id])
            {
                approvalLatest[subject.SubjectId] = subject;
            }
        }
        var tied = approvalLatest.Values.Where(s => s.NeedsRevote).Select(s => s.SubjectId).ToList();
        var dropped = approvalLatest.Values.Where(s => s.Kept == false && !s.NeedsRevote).Select(s => s.SubjectId).ToHashSet();
        var underway = approvals.Any(b => b.State == BallotState.Open) || tied.Count > 0;

        var results = latest.Values
            .Where(l => l.Subject.Outcome is not null)
            .Select(l =>
            {
                var counted = l.Subject.Outcome!.Value;
                var level = counted == RankingLevel.ExcellentCompletion && dropped.Contains(l.Subject.SubjectId) ? RankingLevel.GoodCompletion : counted;
                return new PendingResult(l.Ballot.SubjectKind, l.Subject.SubjectId, l.Ballot, counted, level, GroupOf(scope, l.Ballot));
            })
            .ToList();

        var capLines = new List<string>();
        if (tied.Count > 0)
        {
            capLines.Add(Format(RankingTexts.ApprovalNeedsRevote, Names(scope, tied)));
        }
        IReadOnlyList<Guid> candidates = [];
        var candidateKind = BallotSubjectKind.Member;
        var seats = 0;
        var ballotsById = scope.Ballots.ToDictionary(b => b.Id);
        var decided = scope.Decisions
            .Where(d => !latest.ContainsKey((d.SubjectKind, d.SubjectId)))
            .Select(d => (Group: d.BallotId is { } id && ballotsById.TryGetValue(id, out var ballot) ? GroupOf(scope, ballot) : CapGroupKinds.Of(d.SubjectKind, null),
                Kind: d.SubjectKind, Subject: new CapGroupSubject(d.SubjectId, d.Level)));
        var groups = results
            .Select(r => (r.Group, r.Kind, Subject: new CapGroupSubject(r.SubjectId, r.Level)))
            .Concat(decided)
            .GroupBy(s => s.Group)
            .OrderBy(g => g.Key);
        foreach (var group in groups)
        {
            var check = ExcellenceCap.Check([.. group.Select(s => s.Subject)], settings);
            if (check.Holds)
            {
                continue;
            }
            var multiplier = 100 / settings.EffectivePercent;
            capLines.Add(Format(RankingTexts.CapExceeded, group.Key.DisplayName(), check.Excellent, check.Good, multiplier,
                check.Excellent * multiplier, settings.EffectivePercent, check.MaximumExcellent));
            if (!underway && candidates.Count == 0)
            {
                candidates = check.Candidates;
                candidateKind = group.First().Kind;
                seats = check.MaximumExcellent;
                capLines.Add(Format(RankingTexts.CapCandidates, Names(scope, candidates), seats));
            }
        }
        var approvalBallots = approvals.Where(b => b.State == BallotState.Closed).ToList();
        return new AdoptionEvaluation(pending, approvalBallots, results, readiness, capLines, candidates, candidateKind, seats, underway);
    }

    private static CapGroupKind GroupOf(DecisionScope scope, Ballot ballot) =>
        CapGroupKinds.Of(ballot.SubjectKind, scope.Find(ballot.BodyId)?.Kind);

    private static string Names(DecisionScope scope, IEnumerable<Guid> subjectIds) =>
        string.Join(", ", subjectIds.Select(scope.SubjectName));

    private static string Format(string format, params object[] arguments) => string.Format(RuleReason.TextCulture, format, arguments);
}
