namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// Keeps each review meeting's calendar event in step with the meeting. A turn that schedules, moves or cancels a
/// meeting only changes the database (its <c>UpdatedAt</c> moves); the calendar job asks <see cref="DueAsync"/>
/// for the meetings whose calendar is behind and pushes each with <see cref="SyncAsync"/> in its own unit of work.
/// </summary>
public interface IMeetingCalendarSync
{
    /// <summary>
    /// Meetings to push, oldest change first: the event is behind the meeting (never synced, or changed since),
    /// or its meeting chat is still to be found or the app still to be installed there. A meeting that ended before
    /// any event was made, or whose chat step was refused, is not due.
    /// </summary>
    Task<IReadOnlyList<Guid>> DueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Pushes one meeting: creates, updates or cancels its event, then finds its chat and installs the app there.
    /// Stages the ids and outcome on the meeting (<c>CalendarSyncedAt</c>, <c>CalendarError</c>, ...); the caller
    /// commits. A failure is recorded, not thrown: a transient one is tried again on the next run, a refused one
    /// (403/404) is reported once and tried again only when the meeting changes.
    /// </summary>
    Task<MeetingCalendarOutcome> SyncAsync(Guid meetingId, CancellationToken cancellationToken);

    /// <summary>Where the meeting's calendar stands (for operators and checks); null when there is no such meeting.</summary>
    Task<MeetingCalendarState?> StateAsync(Guid meetingId, CancellationToken cancellationToken);
}

/// <summary>A meeting's calendar as last recorded.</summary>
/// <param name="IsBehind">The meeting changed since the calendar last matched it (or never did).</param>
/// <param name="Error">The last failure, short and technical; a refused one starts with "refused ".</param>
public sealed record MeetingCalendarState(
    Guid MeetingId,
    string? EventId,
    string? JoinUrl,
    string? MeetingChatId,
    DateTimeOffset? SyncedAt,
    bool IsBehind,
    string? Error,
    DateTimeOffset? AppInstalledAt);

/// <summary>What became of the meeting's event in one push.</summary>
public enum MeetingCalendarResult
{
    /// <summary>The event already matched; at most the chat or the app step ran.</summary>
    UpToDate = 0,

    Created = 1,

    /// <summary>Moved (times), attendees and text updated.</summary>
    Updated = 2,

    Cancelled = 3,

    /// <summary>Nothing to push: no such meeting, cancelled before any event, or over before one was made.</summary>
    Skipped = 4,

    /// <summary>A transient failure, recorded; the next run tries again.</summary>
    Failed = 5,

    /// <summary>Refused or gone (403/404), recorded and reported to the secretaries; tried again when the meeting changes.</summary>
    Refused = 6,
}

/// <summary>One meeting's push.</summary>
/// <param name="ChatFound">The meeting chat was found in this push.</param>
/// <param name="AppInstalled">The app was installed in the meeting chat in this push.</param>
/// <param name="WithoutEmail">How many participants have no e-mail address (not invited through the calendar).</param>
/// <param name="Report">What the body's secretaries should be told, if anything.</param>
public sealed record MeetingCalendarOutcome(
    Guid MeetingId,
    MeetingCalendarResult Result,
    bool ChatFound,
    bool AppInstalled,
    int WithoutEmail,
    MeetingCalendarReport? Report);

/// <summary>Why the secretaries are told.</summary>
public enum MeetingCalendarReportKind
{
    /// <summary>The event went out, but these participants have no e-mail address and got no invitation.</summary>
    MissingEmails = 0,

    /// <summary>The calendar refused the event or its chat (403/404): nothing more is tried until the meeting changes.</summary>
    Refused = 1,
}

/// <summary>A message for the body's secretaries about the meeting's calendar.</summary>
/// <param name="DedupeScope">Unique per meeting and change: a repeated push tells nobody twice.</param>
/// <param name="Error">The refusal, short and technical (status and error code).</param>
public sealed record MeetingCalendarReport(
    MeetingCalendarReportKind Kind,
    Guid MeetingId,
    Guid OrganisationId,
    string BodyName,
    DateTimeOffset StartsAt,
    IReadOnlyList<Guid> SecretaryIds,
    IReadOnlyList<string> WithoutEmail,
    string? Error,
    string DedupeScope);
