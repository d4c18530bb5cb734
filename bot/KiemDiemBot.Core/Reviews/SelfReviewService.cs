using System.Globalization;
using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Ranking;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Reviews;

internal sealed class SelfReviewService(
    KiemDiemDbContext db,
    IReviewCycleService cycles,
    IMemberFactsSource memberFacts,
    IReviewMeetingCalendar meetings,
    AuditTrail audit,
    TimeProvider clock) : ISelfReviewService
{
    public async Task<SelfReviewView> OpenAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken)
    {
        var context = await LoadContextAsync(memberId, cycleId, cancellationToken);
        var existing = await FindTrackedAsync(memberId, cycleId, cancellationToken);
        if (existing is not null)
        {
            return await ViewAsync(existing, context, cancellationToken);
        }
        var now = clock.GetUtcNow();
        var answers = new SelfReviewAnswers { Identity = await IdentityAsync(context.Member, context.Cell, cancellationToken) };
        var json = SelfReviewAnswersJson.Serialize(answers);
        var review = new SelfReview
        {
            Id = Guid.CreateVersion7(now),
            MemberId = memberId,
            CycleId = cycleId,
            Version = 1,
            Status = SelfReviewStatus.InProgress,
            AnswersJson = json,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SelfReviews.Add(review);
        db.SelfReviewRevisions.Add(new SelfReviewRevision
        {
            ReviewId = review.Id,
            Version = review.Version,
            AnswersJson = json,
            SavedByMemberId = memberId,
            SavedAt = now,
        });
        return await ViewAsync(review, context, cancellationToken);
    }

    public async Task<SelfReviewView?> GetAsync(Guid reviewId, CancellationToken cancellationToken)
    {
        var review = await db.SelfReviews.FindAsync([reviewId], cancellationToken);
        return review is null ? null : await ViewAsync(review, cancellationToken);
    }

    public async Task<SelfReviewView?> FindAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken)
    {
        var review = await FindTrackedAsync(memberId, cycleId, cancellationToken);
        return review is null ? null : await ViewAsync(review, cancellationToken);
    }

    public async Task<SelfReviewView> SaveAsync(
        Guid reviewId, int basedOnVersion, SelfReviewAnswers answers, Guid actorMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var review = await LoadAsync(reviewId, basedOnVersion, cancellationToken);
        RejectTextsTooLong(answers);
        var context = await LoadContextAsync(review.MemberId, review.CycleId, cancellationToken);
        var now = clock.GetUtcNow();
        var current = SelfReviewAnswersJson.Deserialize(review.AnswersJson);
        if (IsLocked(review, context.MeetingStartsAt, now)
            && SelfReviewAnswersJson.Serialize(current with { AcceptedConclusions = null })
                != SelfReviewAnswersJson.Serialize(answers with { AcceptedConclusions = null }))
        {
            throw Locked(context.MeetingStartsAt!.Value);
        }
        if (answers.ProposedLevel != current.ProposedLevel)
        {
            RejectLevelAboveCaps(answers, context);
        }
        Stage(review, answers, actorMemberId, now);
        return await ViewAsync(review, context, cancellationToken);
    }

    public async Task<LevelAdvice> AdviseLevelAsync(Guid reviewId, SelfReviewAnswers answers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var review = await db.SelfReviews.FindAsync([reviewId], cancellationToken)
            ?? throw new KeyNotFoundException($"No self-review {reviewId}.");
        var context = await LoadContextAsync(review.MemberId, review.CycleId, cancellationToken);
        var criteria = Criteria(answers, context.Case);
        if (criteria.Count == 0)
        {
            throw new SelfReviewIncompleteException([SelfReviewSection.Strengths]);
        }
        var suggestion = context.RuleSet.SuggestLevel(new SelfAssessment(criteria));
        var capped = Ceiling(context);
        return new LevelAdvice(suggestion, capped.Caps, [.. RankingLevels.TopDown.Where(level => level <= capped.Level)]);
    }

    public IReadOnlyList<SelfReviewSection> MissingSections(SelfReviewView review)
    {
        ArgumentNullException.ThrowIfNull(review);
        var answers = review.Answers;
        var @case = review.Case;
        var missing = new List<SelfReviewSection>();
        if (string.IsNullOrWhiteSpace(answers.Identity?.FullName))
        {
            missing.Add(SelfReviewSection.Identity);
        }
        if (@case.StrengthItems.Any(item => !IsComplete(answers.Strengths.GetValueOrDefault(item))))
        {
            missing.Add(SelfReviewSection.Strengths);
        }
        if (string.IsNullOrWhiteSpace(answers.Shortcomings) || string.IsNullOrWhiteSpace(answers.Causes))
        {
            missing.Add(SelfReviewSection.Shortcomings);
        }
        if (!IsComplete(answers.Remedy))
        {
            missing.Add(SelfReviewSection.Remedy);
        }
        if (@case.HasSuggestions && string.IsNullOrWhiteSpace(answers.Explanations))
        {
            missing.Add(SelfReviewSection.Explanations);
        }
        if (@case.IsLeader && string.IsNullOrWhiteSpace(answers.CollectiveShare))
        {
            missing.Add(SelfReviewSection.CollectiveShare);
        }
        if (string.IsNullOrWhiteSpace(answers.Measures))
        {
            missing.Add(SelfReviewSection.Measures);
        }
        if (@case.IsRanked && (answers.ProposedLevel is null || (@case.IsCivilServant && answers.ProposedCivilServantLevel is null)))
        {
            missing.Add(SelfReviewSection.ProposedLevel);
        }
        return missing;
    }

    public async Task<SelfReviewView> SubmitAsync(Guid reviewId, int basedOnVersion, Guid actorMemberId, CancellationToken cancellationToken)
    {
        var review = await LoadAsync(reviewId, basedOnVersion, cancellationToken);
        var context = await LoadContextAsync(review.MemberId, review.CycleId, cancellationToken);
        var now = clock.GetUtcNow();
        if (IsLocked(review, context.MeetingStartsAt, now))
        {
            throw Locked(context.MeetingStartsAt!.Value);
        }
        var answers = SelfReviewAnswersJson.Deserialize(review.AnswersJson);
        var missing = MissingSections(await ViewAsync(review, context, cancellationToken));
        if (missing.Count > 0)
        {
            throw new SelfReviewIncompleteException(missing);
        }
        if (context.Case.IsRanked)
        {
            RejectLevelAboveCaps(answers, context);
        }
        review.Status = SelfReviewStatus.Submitted;
        review.SubmittedAt = now;
        Stage(review, answers, actorMemberId, now);
        return await ViewAsync(review, context, cancellationToken);
    }

    public async Task<SelfReviewView> UnlockAsync(Guid reviewId, Guid secretaryMemberId, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var review = await db.SelfReviews.FindAsync([reviewId], cancellationToken)
            ?? throw new KeyNotFoundException($"No self-review {reviewId}.");
        var now = clock.GetUtcNow();
        audit.Record(new AuditChange(secretaryMemberId.ToString(), AuditSubjectKind.SelfReview, review.Id, AuditFields.SelfReviewUnlocked,
            Format(review.UnlockedAt), Format(now), reason.Trim()));
        review.UnlockedAt = now;
        review.UnlockedBy = secretaryMemberId;
        review.UpdatedAt = now;
        return await ViewAsync(review, cancellationToken);
    }

    /// <summary>The next version: answers, revision row, proxy mark (audited).</summary>
    private void Stage(SelfReview review, SelfReviewAnswers answers, Guid actorMemberId, DateTimeOffset now)
    {
        var json = SelfReviewAnswersJson.Serialize(answers);
        review.AnswersJson = json;
        review.Version++;
        review.UpdatedAt = now;
        var byProxy = actorMemberId != review.MemberId;
        review.EnteredByProxyMemberId = byProxy ? actorMemberId : null;
        db.SelfReviewRevisions.Add(new SelfReviewRevision
        {
            ReviewId = review.Id,
            Version = review.Version,
            AnswersJson = json,
            SavedByMemberId = actorMemberId,
            SavedAt = now,
        });
        if (byProxy)
        {
            audit.Record(new AuditChange(actorMemberId.ToString(), AuditSubjectKind.SelfReview, review.Id, AuditFields.SelfReviewProxyEntry,
                null, review.Version.ToString(CultureInfo.InvariantCulture), null));
        }
    }

    private async Task<SelfReview> LoadAsync(Guid reviewId, int basedOnVersion, CancellationToken cancellationToken)
    {
        var review = await db.SelfReviews.FindAsync([reviewId], cancellationToken)
            ?? throw new KeyNotFoundException($"No self-review {reviewId}.");
        if (review.Version != basedOnVersion)
        {
            throw new ConcurrentChangeException(string.Create(CultureInfo.InvariantCulture,
                $"The self-review is at version {review.Version}; the change was based on version {basedOnVersion}."));
        }
        return review;
    }

    private async Task<SelfReview?> FindTrackedAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken) =>
        db.SelfReviews.Local.SingleOrDefault(r => r.MemberId == memberId && r.CycleId == cycleId)
        ?? await db.SelfReviews.SingleOrDefaultAsync(r => r.MemberId == memberId && r.CycleId == cycleId, cancellationToken);

    private async Task<SelfReviewView> ViewAsync(SelfReview review, CancellationToken cancellationToken) =>
        await ViewAsync(review, await LoadContextAsync(review.MemberId, review.CycleId, cancellationToken), cancellationToken);

    private async Task<SelfReviewView> ViewAsync(SelfReview review, ReviewContext context, CancellationToken cancellationToken)
    {
        var status = IsLocked(review, context.MeetingStartsAt, clock.GetUtcNow()) ? SelfReviewStatus.Locked : review.Status;
        var proxy = review.EnteredByProxyMemberId is { } proxyId
            ? await db.Members.Where(m => m.Id == proxyId).Select(m => m.FullName).SingleOrDefaultAsync(cancellationToken)
            : null;
        return new SelfReviewView(
            review.Id,
            review.MemberId,
            review.CycleId,
            context.Year,
            review.Version,
            status,
            SelfReviewAnswersJson.Deserialize(review.AnswersJson),
            context.Case,
            context.Cell.Name,
            context.SuperiorName,
            review.SubmittedAt,
            context.MeetingStartsAt,
            proxy);
    }

    /// <summary>Locked once the member's cell meeting has started, unless a secretary reopened it after that.</summary>
    private static bool IsLocked(SelfReview review, DateTimeOffset? meetingStartsAt, DateTimeOffset now) =>
        meetingStartsAt is { } starts
        && now >= starts
        && !(review.UnlockedAt is { } unlocked && unlocked >= starts);

    private static SelfReviewLockedException Locked(DateTimeOffset meetingStartsAt) =>
        new(string.Format(RuleReason.TextCulture, ReviewTexts.SelfReview_Locked, TimeZoneInfo.ConvertTime(meetingStartsAt, WorkingCalendar.TimeZone)));

    // A turn reads the review, saves it and asks for the level advice: the context (about ten queries) is read
    // once per scope, which is one turn or one job.
    private readonly Dictionary<(Guid MemberId, Guid CycleId), ReviewContext> contexts = [];

    private async Task<ReviewContext> LoadContextAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken)
    {
        if (!contexts.TryGetValue((memberId, cycleId), out var context))
        {
            context = await ReadContextAsync(memberId, cycleId, cancellationToken);
            contexts[(memberId, cycleId)] = context;
        }
        return context;
    }

    private async Task<ReviewContext> ReadContextAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleOrDefaultAsync(m => m.Id == memberId, cancellationToken)
            ?? throw new KeyNotFoundException($"No member {memberId}.");
        var cycle = db.ReviewCycles.Local.SingleOrDefault(c => c.Id == cycleId)
            ?? await db.ReviewCycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken)
            ?? throw new KeyNotFoundException($"No review cycle {cycleId}.");
        if (!RuleSetCatalog.TryGet(cycle.RuleSetCode, out var ruleSet))
        {
            throw new InvalidOperationException($"The review cycle {cycleId} names the unknown rule set '{cycle.RuleSetCode}'.");
        }
        var cell = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == member.OfficialCellId, cancellationToken);
        var superiorName = cell.ParentId is { } parentId
            ? await db.Organisations.Where(o => o.Id == parentId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            : null;
        var facts = await memberFacts.FindAsync(memberId, cycle.Year, cancellationToken)
            ?? throw new KeyNotFoundException($"No member {memberId}.");
        var meeting = await meetings.FindForMemberAsync(memberId, cycleId, cancellationToken);
        var referenceDate = meeting is not null
            ? WorkingCalendar.ToLocalDate(meeting.StartsAt)
            : (await cycles.ResolveDeadlineAsync(cycleId, member.OfficialCellId, DeadlineKind.CellReview, cancellationToken)).DueBefore;
        var hasSuggestions = db.ReviewSuggestions.Local.Any(s => s.CycleId == cycleId && s.MemberId == memberId)
            || await db.ReviewSuggestions.AnyAsync(s => s.CycleId == cycleId && s.MemberId == memberId, cancellationToken);
        var @case = new SelfReviewCase(
            IsLeader: facts.Posts.Posts.Count > 0,
            IsRanked: !NewMembership.IsNew(facts.Eligibility, ruleSet.Settings.Eligibility, referenceDate),
            IsProbationary: member.Membership == MembershipKind.Probationary,
            IsTemporary: member.TemporaryCellId is not null,
            IsCivilServant: member.IsCivilServant,
            HasSuggestions: hasSuggestions,
            Places: ruleSet.PlacesFor(facts.Posts));
        return new ReviewContext(member, cell, superiorName, cycle.Year, ruleSet, facts, meeting?.StartsAt, @case);
    }

    /// <summary>The identity block as the roster knows the member: party posts and agency posts, each with its body.</summary>
    private async Task<SelfReviewIdentity> IdentityAsync(Member member, Organisation cell, CancellationToken cancellationToken)
    {
        var posts = await db.Positions.AsNoTracking()
            .Where(p => p.MemberId == member.Id)
            .Select(p => new { p.Title, BodyName = p.Body!.Name, BodyKind = p.Body.Kind })
            .ToListAsync(cancellationToken);
        var ordered = posts.OrderBy(p => p.Title).ThenBy(p => p.BodyName, StringComparer.Ordinal).ToList();
        return new SelfReviewIdentity(
            member.FullName,
            member.DateOfBirth,
            JoinPosts(ordered.Where(p => p.BodyKind != OrganisationKind.AgencyLeadership).Select(p => (p.Title, p.BodyName))),
            JoinPosts(ordered.Where(p => p.BodyKind == OrganisationKind.AgencyLeadership).Select(p => (p.Title, p.BodyName))),
            MassOrganisationPost: null,
            WorkUnit: null,
            cell.Name);
    }

    private static string? JoinPosts(IEnumerable<(PositionTitle Title, string BodyName)> posts)
    {
        var texts = posts.Select(p => string.Format(RuleReason.TextCulture, ReviewTexts.Identity_Post, p.Title.DisplayName(), p.BodyName)).ToList();
        return texts.Count == 0 ? null : string.Join("; ", texts);
    }

    /// <summary>The graded answers as the rules see them: duties and leadership are political-task criteria, the rest (remedy included) other.</summary>
    private static List<CriterionAssessment> Criteria(SelfReviewAnswers answers, SelfReviewCase @case)
    {
        var criteria = @case.StrengthItems
            .Select(item => (Item: item, Grade: answers.Strengths.GetValueOrDefault(item)?.Grade))
            .Where(graded => graded.Grade is not null)
            .Select(graded => new CriterionAssessment(
                graded.Item is StrengthItem.Duties or StrengthItem.Leadership ? CriterionKind.PoliticalTask : CriterionKind.Other,
                graded.Grade!.Value))
            .ToList();
        if (answers.Remedy?.Grade is { } remedy)
        {
            criteria.Add(new CriterionAssessment(CriterionKind.Other, remedy));
        }
        return criteria;
    }

    /// <summary>The highest level the hard caps leave the member, with every cap below the top level.</summary>
    private static CappedLevel Ceiling(ReviewContext context) =>
        context.RuleSet.CapMemberLevel(RankingLevel.ExcellentCompletion, context.Facts.Caps);

    private static void RejectLevelAboveCaps(SelfReviewAnswers answers, ReviewContext context)
    {
        if (answers.ProposedLevel is not { } level)
        {
            return;
        }
        var capped = Ceiling(context);
        if (level > capped.Level)
        {
            var reasons = string.Join(" ", capped.Caps.Where(cap => cap.Ceiling < level).Select(cap => cap.Reason.Text));
            throw new SelfReviewAnswerRejectedException(SelfReviewSection.ProposedLevel,
                string.Format(RuleReason.TextCulture, ReviewTexts.SelfReview_LevelNotAllowed, level.DisplayName(), reasons));
        }
    }

    private static void RejectTextsTooLong(SelfReviewAnswers answers)
    {
        var identity = answers.Identity;
        var texts = new List<(SelfReviewSection? Section, string? Text)>
        {
            (SelfReviewSection.Identity, identity?.FullName),
            (SelfReviewSection.Identity, identity?.PartyPost),
            (SelfReviewSection.Identity, identity?.GovernmentPost),
            (SelfReviewSection.Identity, identity?.MassOrganisationPost),
            (SelfReviewSection.Identity, identity?.WorkUnit),
            (SelfReviewSection.Identity, identity?.CellName),
            (SelfReviewSection.Shortcomings, answers.Shortcomings),
            (SelfReviewSection.Shortcomings, answers.Causes),
            (SelfReviewSection.Remedy, answers.Remedy?.Text),
            (SelfReviewSection.Explanations, answers.Explanations),
            (SelfReviewSection.CollectiveShare, answers.CollectiveShare),
            (SelfReviewSection.Measures, answers.Measures),
            (null, answers.AcceptedConclusions),
        };
        texts.AddRange(answers.Strengths.Values.Select(answer => ((SelfReviewSection?)SelfReviewSection.Strengths, answer.Text)));
        foreach (var (section, text) in texts)
        {
            if (text is { Length: > SelfReviewAnswers.MaxTextLength })
            {
                var name = section?.DisplayName() ?? ReviewTexts.SelfReview_AcceptedConclusions;
                throw new SelfReviewAnswerRejectedException(section,
                    string.Format(RuleReason.TextCulture, ReviewTexts.SelfReview_TextTooLong, name, text.Length, SelfReviewAnswers.MaxTextLength));
            }
        }
    }

    private static bool IsComplete(GradedAnswer? answer) =>
        answer is { Grade: not null } && !string.IsNullOrWhiteSpace(answer.Text);

    private static string? Format(DateTimeOffset? instant) =>
        instant?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private sealed record ReviewContext(
        Member Member,
        Organisation Cell,
        string? SuperiorName,
        int Year,
        IRuleSet RuleSet,
        MemberRuleFacts Facts,
        DateTimeOffset? MeetingStartsAt,
        SelfReviewCase Case);
}
