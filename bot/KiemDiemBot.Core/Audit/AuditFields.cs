namespace KiemDiemBot.Core.Audit;

/// <summary>The names of the audited fields.</summary>
public static class AuditFields
{
    public const string CycleCreated = "cycle.created";
    public const string CycleRuleSet = "cycle.rule-set";
    public const string CycleCalendar = "cycle.calendar";

    /// <summary>The cycle was opened to members.</summary>
    public const string CycleOpened = "cycle.opened";

    /// <summary>The working-day offsets of a cycle's automatic reminders, e.g. "5,3,1".</summary>
    public const string CycleReminderOffsets = "cycle.reminder-offsets";

    /// <summary>The local time of day a cycle's automatic reminders go out, e.g. "08:00".</summary>
    public const string CycleReminderTime = "cycle.reminder-time";

    /// <summary>A member's automatic reminders paused (true) or resumed (false) for a cycle by their secretary.</summary>
    public const string ReminderPaused = "member.reminders-paused";

    /// <summary>A body's review meeting date (the organisation is the entry's organisation).</summary>
    public const string ReviewMeeting = "cycle.review-meeting";

    /// <summary>When a body's review meeting ends (moved with it, or on its own).</summary>
    public const string ReviewMeetingEnd = "cycle.review-meeting.end";

    /// <summary>A body's review meeting cancelled; the value before is its start.</summary>
    public const string ReviewMeetingCancelled = "cycle.review-meeting.cancelled";

    /// <summary>A review suggestion (gợi ý kiểm điểm) added for a member; the value is the suggestion's id, never its text.</summary>
    public const string ReviewSuggestion = "member.review-suggestion";

    /// <summary>A secretary saved a member's self-review on their behalf; the value is the version saved.</summary>
    public const string SelfReviewProxyEntry = "self-review.proxy-entry";

    /// <summary>A secretary reopened a locked self-review, with the reason.</summary>
    public const string SelfReviewUnlocked = "self-review.unlocked";

    /// <summary>The Entra object id linked to a member when they were first recognised in Teams.</summary>
    public const string MemberEntraObjectId = "member.entra-object-id";

    /// <summary>A ranking adopted by the deciding body from its ballots (from the earlier level, if any, to the adopted one).</summary>
    public const string RankingAdopted = "ranking.adopted";

    /// <summary>A decided ranking revoked and re-ranked by the deciding body, with the reason (seed II.5).</summary>
    public const string RankingReRanked = "ranking.re-ranked";

    /// <summary>A cycle-wide deadline, e.g. "cycle.deadline.CellReview".</summary>
    public static string CycleDeadline(Cycles.DeadlineKind kind) => "cycle.deadline." + kind;

    /// <summary>A written comment on a member marked received or not, e.g. "member.comment.Residence".</summary>
    public static string MemberComment(Reviews.ReviewCommentKind kind) => "member.comment." + kind;

    /// <summary>A committee's own deadline, e.g. "cycle.committee-deadline.CellReview".</summary>
    public static string CommitteeDeadline(Cycles.DeadlineKind kind) => "cycle.committee-deadline." + kind;
}
