using KiemDiemBot.Core.Rules;

namespace KiemDiemBot.Core.Meetings;

/// <summary>What the secretary asks for when scheduling a body's review meeting (lịch họp).</summary>
/// <param name="StartsAt">When it starts (shown and entered in Asia/Ho_Chi_Minh).</param>
/// <param name="EndsAt">When it ends; sets its length, checked against the body's minimum.</param>
/// <param name="ParticipantIds">Who is summoned, from the roster; empty: every member of the body.</param>
/// <param name="CoChairIds">The co-chairs (đồng chủ trì), among the participants.</param>
/// <param name="DraftReportUrl">The draft collective report: a link, or the local file link of an attached file.</param>
/// <param name="DraftApprovedBySuperior">The superior standing committee approved the draft (needed when it gave review suggestions).</param>
/// <param name="Conversation">The chat the meeting runs in (where `lịch họp` was typed): ballots open there.</param>
public sealed record MeetingPlan(
    Guid CycleId,
    Guid BodyId,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<Guid> ParticipantIds,
    IReadOnlyList<Guid> CoChairIds,
    string? DraftReportUrl,
    bool DraftApprovedBySuperior,
    MeetingConversation? Conversation);

/// <summary>The chat a meeting (and its ballots) runs in.</summary>
public sealed record MeetingConversation(string ChannelId, string ConversationId);

/// <summary>One thing off with a meeting plan, said plainly; the plan is saved all the same.</summary>
public sealed record MeetingPlanWarning(MeetingPlanWarningKind Kind, string Text);

public enum MeetingPlanWarningKind
{
    /// <summary>Fewer than 3 working days are left to circulate the draft report.</summary>
    DraftCirculationTooLate,

    /// <summary>Shorter than the minimum length for this body (1.5 days, 1 day, 0.5 day per the seed).</summary>
    TooShort,

    /// <summary>The superior committee gave review suggestions and has not approved the draft.</summary>
    SuggestionsNotApproved,

    /// <summary>A cell meets on or after its deadline's due day.</summary>
    AfterDeadline,

    /// <summary>No draft report attached or linked.</summary>
    NoDraftReport,
}

/// <summary>A participant as the meeting card shows them.</summary>
public sealed record MeetingParticipantView(Guid MemberId, string FullName, bool IsOfficial, bool IsExempt, bool IsCoChair);

/// <summary>One review on the agenda, in the rule order, with who chairs it (names resolved).</summary>
/// <param name="IsCollective">The body's own (collective) review.</param>
/// <param name="SubjectId">The body for a collective item, the member for an individual one.</param>
/// <param name="ChairNote">Why the chairs differ (a deputy chairs the head's review), or that one must be assigned.</param>
public sealed record MeetingAgendaItemView(bool IsCollective, Guid SubjectId, string SubjectName, IReadOnlyList<string> ChairNames, string? ChairNote);

/// <summary>A scheduled (or cancelled) review meeting with everything the cards show.</summary>
public sealed record MeetingDetails(
    Guid MeetingId,
    Guid CycleId,
    Guid BodyId,
    string BodyName,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    string? DraftReportUrl,
    bool DraftApprovedBySuperior,
    MeetingConversation? Conversation,
    bool IsCancelled,
    IReadOnlyList<MeetingParticipantView> Participants,
    IReadOnlyList<MeetingAgendaItemView> Agenda);

/// <summary>The outcome of scheduling: the meeting and what is off with it.</summary>
public sealed record MeetingPlanResult(MeetingDetails Meeting, IReadOnlyList<MeetingPlanWarning> Warnings);

/// <summary>What the scheduling card starts from: the body, its roster and any meeting already set.</summary>
/// <remarks>The roster's <see cref="MeetingParticipantView.IsCoChair"/> marks who chairs by the rules (the co-chairs offered by default).</remarks>
public sealed record MeetingPlanDraft(Guid CycleId, Guid BodyId, string BodyName, IReadOnlyList<MeetingParticipantView> Roster, MeetingDetails? Existing)
{
    /// <summary>The superior gave members of the body review suggestions: the draft then needs its standing committee's approval.</summary>
    public bool HasReviewSuggestions { get; init; }
}

/// <summary>
/// Review meetings of bodies: scheduling with the seed's checks, moving, cancelling (both audited), the agenda
/// in the rule order. Only the body's secretary or deputy may change a meeting. Changes are staged; the turn commits.
/// </summary>
public interface IReviewMeetingPlanner
{
    /// <summary>The body the actor may schedule for (their own as secretary or deputy), with its roster; null when they may not.</summary>
    Task<MeetingPlanDraft?> DraftAsync(Guid cycleId, Guid actorMemberId, Guid? bodyId, CancellationToken cancellationToken);

    /// <summary>Schedules or moves the body's meeting.</summary>
    /// <exception cref="MeetingRefusedException">The actor may not, the times are impossible (end before start, in the past), or a participant is not on the body's roster.</exception>
    Task<MeetingPlanResult> ScheduleAsync(MeetingPlan plan, Guid actorMemberId, CancellationToken cancellationToken);

    /// <summary>Cancels the body's meeting (audited); a later schedule brings it back.</summary>
    /// <exception cref="MeetingRefusedException">The actor may not, or there is no such meeting.</exception>
    Task<MeetingDetails> CancelAsync(Guid meetingId, Guid actorMemberId, CancellationToken cancellationToken);

    Task<MeetingDetails?> GetAsync(Guid meetingId, CancellationToken cancellationToken);

    /// <summary>The meeting running in this chat (not cancelled), if any: where ballots open. The chat where it was scheduled, or its Teams meeting's chat.</summary>
    Task<MeetingDetails?> FindByConversationAsync(MeetingConversation conversation, Guid cycleId, CancellationToken cancellationToken);

    /// <summary>The body's meeting in the cycle, if any.</summary>
    Task<MeetingDetails?> FindForBodyAsync(Guid cycleId, Guid bodyId, CancellationToken cancellationToken);
}

/// <summary>A meeting change refused, with the Vietnamese reason to show.</summary>
public sealed class MeetingRefusedException(string message) : Exception(message);
