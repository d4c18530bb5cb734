using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Reviews;

/// <summary>Where a member's self-review stands, as the secretary's progress card shows it.</summary>
public enum SelfReviewStatus
{
    NotStarted = 0,
    InProgress = 1,
    Submitted = 2,

    /// <summary>The member's meeting has started (or the secretary locked it): no more edits until unlocked.</summary>
    Locked = 3,
}

/// <summary>What the member's case changes in the form, from the roster and the cycle (DOMAIN.md A2, A4).</summary>
/// <param name="IsLeader">Holds a leadership post: items 3 to 5 of section I and section V apply.</param>
/// <param name="IsRanked">False for a member admitted under six months: no section VII.</param>
/// <param name="IsProbationary">Đảng viên dự bị: reviewed and ranked, does not vote.</param>
/// <param name="IsTemporary">Sinh hoạt tạm thời: ranked at the official cell once the temporary cell's comment arrives.</param>
/// <param name="IsCivilServant">VII.1 applies.</param>
/// <param name="HasSuggestions">The cycle has review suggestions (gợi ý) for the member: section IV applies.</param>
/// <param name="Places">Where each part of the review is heard, in the rules' order.</param>
public sealed record SelfReviewCase(
    bool IsLeader,
    bool IsRanked,
    bool IsProbationary,
    bool IsTemporary,
    bool IsCivilServant,
    bool HasSuggestions,
    IReadOnlyList<ReviewPlace> Places)
{
    /// <summary>The sections the member answers, in the form's order.</summary>
    public IReadOnlyList<SelfReviewSection> Sections { get; } = SectionsFor(IsLeader, IsRanked, HasSuggestions);

    /// <summary>The items of section I the member answers.</summary>
    public IReadOnlyList<StrengthItem> StrengthItems { get; } = IsLeader
        ? [StrengthItem.PoliticalQuality, StrengthItem.Duties, StrengthItem.Leadership, StrengthItem.Responsibility, StrengthItem.Example, StrengthItem.Commitment]
        : [StrengthItem.PoliticalQuality, StrengthItem.Duties, StrengthItem.Commitment];

    private static List<SelfReviewSection> SectionsFor(bool leader, bool ranked, bool suggestions)
    {
        List<SelfReviewSection> sections = [SelfReviewSection.Identity, SelfReviewSection.Strengths, SelfReviewSection.Shortcomings, SelfReviewSection.Remedy];
        if (suggestions)
        {
            sections.Add(SelfReviewSection.Explanations);
        }
        if (leader)
        {
            sections.Add(SelfReviewSection.CollectiveShare);
        }
        sections.Add(SelfReviewSection.Measures);
        if (ranked)
        {
            sections.Add(SelfReviewSection.ProposedLevel);
        }
        return sections;
    }
}

/// <summary>
/// What the rules say before section VII: the level the grades suggest (with the reason), every hard cap that
/// applies (with the reason), and the levels the member may choose (none above a cap).
/// </summary>
public sealed record LevelAdvice(LevelSuggestion Suggestion, IReadOnlyList<AppliedCap> Caps, IReadOnlyList<RankingLevel> Allowed);

/// <summary>One member's self-review of one cycle as the flows and exports read it.</summary>
/// <param name="Version">Raised by every save; a save based on an older version is refused.</param>
/// <param name="MeetingStartsAt">The member's cell meeting, when set: editing ends when it starts.</param>
/// <param name="EnteredByProxy">The secretary who entered the latest answers on the member's behalf, if any.</param>
public sealed record SelfReviewView(
    Guid ReviewId,
    Guid MemberId,
    Guid CycleId,
    int Year,
    int Version,
    SelfReviewStatus Status,
    SelfReviewAnswers Answers,
    SelfReviewCase Case,
    string CellName,
    string? SuperiorName,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? MeetingStartsAt,
    string? EnteredByProxy);

/// <summary>A save refused because the review is locked (meeting started) or was submitted and not reopened.</summary>
public sealed class SelfReviewLockedException(string message) : InvalidOperationException(message);

/// <summary>
/// The self-review use cases. Changes are staged; the turn commits them through <see cref="Storage.IUnitOfWork"/>.
/// A save based on an older version throws <see cref="Storage.ConcurrentChangeException"/> at commit or before.
/// </summary>
public interface ISelfReviewService
{
    /// <summary>The member's review of the cycle, created (prefilled identity, status in progress) when it does not exist.</summary>
    Task<SelfReviewView> OpenAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken);

    /// <summary>A review by its id; null when there is none.</summary>
    Task<SelfReviewView?> GetAsync(Guid reviewId, CancellationToken cancellationToken);

    /// <summary>The review if it exists, without creating it.</summary>
    Task<SelfReviewView?> FindAsync(Guid memberId, Guid cycleId, CancellationToken cancellationToken);

    /// <summary>Stages new answers as the next version. <paramref name="actorMemberId"/> differs from the member for a proxy entry (audited).</summary>
    /// <exception cref="SelfReviewLockedException">The meeting has started or the review is locked.</exception>
    Task<SelfReviewView> SaveAsync(Guid reviewId, int basedOnVersion, SelfReviewAnswers answers, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>What the rules say before section VII, from the answers so far and the member's facts.</summary>
    Task<LevelAdvice> AdviseLevelAsync(Guid reviewId, SelfReviewAnswers answers, CancellationToken cancellationToken);

    /// <summary>The required answers still missing, by section, in the form's order (empty when complete).</summary>
    IReadOnlyList<SelfReviewSection> MissingSections(SelfReviewView review);

    /// <summary>Submits (nộp); refused while sections are missing.</summary>
    Task<SelfReviewView> SubmitAsync(Guid reviewId, int basedOnVersion, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>The secretary reopens a locked review for edits (audited, with the reason).</summary>
    Task<SelfReviewView> UnlockAsync(Guid reviewId, Guid secretaryMemberId, string reason, CancellationToken cancellationToken);
}
