using System.Text.Json.Nodes;
using KiemDiemBot.Core.Notices;

namespace KiemDiemBot.Core.Meetings;

/// <summary>A person the draft goes to, or who receives the comments.</summary>
public sealed record DraftCirculationPerson(Guid MemberId, string FullName);

/// <summary>
/// What circulating a meeting's draft collective report needs: the meeting, its body, when it starts (Asia/Ho_Chi_Minh),
/// the draft's link, who is summoned and who chairs (they receive the comments), and the rule's latest day.
/// </summary>
/// <param name="CirculateBy">The latest day the draft may go out: three working days before the meeting day (DOMAIN A6).</param>
/// <param name="IsDue">Today is that day or later: the draft goes out at once when the meeting is set or its link given now.</param>
/// <param name="Heads">The meeting's chairs (co-chairs as the secretary set them, else the rules' chairs): the comments go to them.</param>
public sealed record DraftCirculationMeeting(
    Guid MeetingId,
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    DateTimeOffset StartsAt,
    string? DraftReportUrl,
    bool IsCancelled,
    bool HasStarted,
    DateOnly CirculateBy,
    bool IsDue,
    IReadOnlyList<DraftCirculationPerson> Participants,
    IReadOnlyList<DraftCirculationPerson> Heads);

/// <summary>Why a circulation staged nothing, or that it staged.</summary>
public enum DraftCirculationOutcome
{
    /// <summary>Staged for every reachable participant who did not have it yet (see the fan-out).</summary>
    Staged,

    Cancelled,

    Started,

    NoParticipants,

    /// <summary>No draft link was given: nothing to circulate until one is.</summary>
    NoDraftReport,
}

/// <summary>What staging a circulation came to; <see cref="FanOut"/> is set when it was <see cref="DraftCirculationOutcome.Staged"/>.</summary>
public sealed record DraftCirculationResult(DraftCirculationOutcome Outcome, NoticeFanOut? FanOut)
{
    /// <summary>Messages staged for the participants in this unit of work (0 when sent before, or nothing was staged).</summary>
    public int Staged => FanOut?.Staged ?? 0;
}

/// <summary>A participant's comment on the draft, with their name.</summary>
public sealed record DraftCommentView(Guid MemberId, string FullName, string Text, DateTimeOffset UpdatedAt);

/// <summary>The cards a circulation sends; built by the caller (Core knows no card).</summary>
/// <param name="Circulation">The card every participant receives: the draft, the rule, a box for comments.</param>
/// <param name="Comments">The heads' card of the comments collected so far (updated in place as comments arrive).</param>
public sealed record DraftCirculationCards(JsonObject Circulation, Func<IReadOnlyList<DraftCommentView>, JsonObject> Comments);

/// <summary>
/// The draft collective report circulated to a meeting's participants (góp ý dự thảo): staged once per meeting through
/// the member notices under <see cref="Reminders.OccasionKeys.DraftCirculation"/>, whoever asks (the scheduler's tick on
/// the rule's day, or `lịch họp` at once when the meeting is set too late), so nobody ever gets it twice; their comments
/// (one per participant, the latest wins) collected for the meeting's chairs on one card updated in place, and for the
/// minutes' annex. Changes are staged; the caller commits.
/// </summary>
public interface IDraftCirculation
{
    /// <summary>The meeting's circulation data; null when there is no such meeting.</summary>
    Task<DraftCirculationMeeting?> FindAsync(Guid meetingId, CancellationToken cancellationToken);

    /// <summary>As <see cref="FindAsync"/> for a meeting just scheduled in this unit of work (not stored yet).</summary>
    Task<DraftCirculationMeeting> DescribeAsync(MeetingDetails meeting, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the circulation card for every participant and, with it, the comments card for the heads; nothing for a
    /// meeting cancelled, started, without participants or without a draft link. A second call (same or another unit
    /// of work) stages nothing more.
    /// </summary>
    Task<DraftCirculationResult> StageAsync(DraftCirculationMeeting meeting, DraftCirculationCards cards, CancellationToken cancellationToken);

    /// <summary>Stages a participant's comment (trimmed; replaces their earlier one).</summary>
    /// <exception cref="DraftCommentRefusedException">No such meeting, cancelled, started, not a participant, empty, or too long.</exception>
    Task<DraftCommentView> SaveCommentAsync(Guid meetingId, Guid memberId, string? text, CancellationToken cancellationToken);

    /// <summary>
    /// Stages the heads' comments card with every comment: an update in place of the card they were sent, or the card
    /// itself when they have none yet. The update is drawn inside the commit, after the comment staged before it.
    /// </summary>
    Task StageCommentsCardAsync(DraftCirculationMeeting meeting, Func<IReadOnlyList<DraftCommentView>, JsonObject> card, CancellationToken cancellationToken);

    /// <summary>The meeting's comments, by name in Vietnamese order.</summary>
    Task<IReadOnlyList<DraftCommentView>> ListCommentsAsync(Guid meetingId, CancellationToken cancellationToken);

    /// <summary>The member's comment on the meeting's draft, if they sent one.</summary>
    Task<string?> FindCommentAsync(Guid meetingId, Guid memberId, CancellationToken cancellationToken);
}

/// <summary>Why a comment was not saved.</summary>
public enum DraftCommentRefusal
{
    NoMeeting,
    Cancelled,
    Started,
    NotParticipant,
    Empty,
    TooLong,
}

/// <summary>A comment refused, with the Vietnamese reason to show; nothing was staged.</summary>
public sealed class DraftCommentRefusedException(DraftCommentRefusal reason, string message) : Exception(message)
{
    public DraftCommentRefusal Reason { get; } = reason;
}

/// <summary>The keys of the heads' comments card: its dedupe scope and, per head, its post key (see <c>IConversationPosts</c>).</summary>
public static class DraftCommentPostKeys
{
    /// <summary>The member notices' dedupe scope of the comments card of a meeting.</summary>
    public static string Scope(Guid meetingId) => "draft-comments:" + meetingId.ToString("N");

    /// <summary>The post key of the card in one head's personal chat: the member notices key it by scope and member.</summary>
    public static string Head(Guid meetingId, Guid headMemberId) => Scope(meetingId) + ":" + headMemberId.ToString("N");
}
