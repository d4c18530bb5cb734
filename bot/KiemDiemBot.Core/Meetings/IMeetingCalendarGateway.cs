namespace KiemDiemBot.Core.Meetings;

/// <summary>
/// The calendar a review meeting is pushed to (the host implements it with Microsoft Graph): one Outlook event with
/// a Teams online meeting in the participants' calendars, organised by the configured mailbox, and the app
/// installed in that meeting's chat. Every call is one request (retried inside for throttling); a failure is a
/// <see cref="MeetingCalendarException"/>.
/// </summary>
public interface IMeetingCalendarGateway
{
    /// <summary>Calendar events are configured (<c>Graph:Calendar:OrganizerUserId</c>); false: nothing is pushed.</summary>
    bool IsEnabled { get; }

    /// <summary>The app can be installed in meeting chats (<c>Graph:Install:TeamsAppId</c>).</summary>
    bool InstallsApp { get; }

    /// <summary>
    /// Creates the event with its Teams meeting. Idempotent by <see cref="CalendarEventRequest.TransactionId"/>:
    /// asked again after a crash, the calendar answers the event it already made.
    /// </summary>
    Task<CalendarEventCreated> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken);

    /// <summary>Moves the event (times), and updates its attendees, subject and body.</summary>
    Task UpdateEventAsync(string eventId, CalendarEventRequest request, CancellationToken cancellationToken);

    /// <summary>Cancels the event, sending <paramref name="comment"/> to the attendees; an event already gone counts as cancelled.</summary>
    Task CancelEventAsync(string eventId, string comment, CancellationToken cancellationToken);

    /// <summary>The Teams meeting's join link read from the event (when the create answer carried none yet).</summary>
    Task<string?> GetJoinUrlAsync(string eventId, CancellationToken cancellationToken);

    /// <summary>The chat of the online meeting with this join link (its thread id), or null when the calendar does not know it yet.</summary>
    Task<string?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken);

    /// <summary>Installs the app in the chat; already installed counts as installed.</summary>
    Task InstallAppInChatAsync(string chatId, CancellationToken cancellationToken);
}

/// <summary>An event as the calendar should show it.</summary>
/// <param name="TransactionId">Stable per meeting (and per re-creation after a cancel): makes creation idempotent.</param>
/// <param name="Subject">Vietnamese subject line.</param>
/// <param name="BodyHtml">Vietnamese invitation text, HTML (names encoded).</param>
/// <param name="StartsAt">Start; the calendar shows it in Asia/Ho_Chi_Minh.</param>
/// <param name="EndsAt">End.</param>
/// <param name="AttendeeEmails">The participants who have an e-mail address, in the roster's order.</param>
public sealed record CalendarEventRequest(
    string TransactionId,
    string Subject,
    string BodyHtml,
    DateTimeOffset StartsAt,
    DateTimeOffset EndsAt,
    IReadOnlyList<string> AttendeeEmails);

/// <summary>The event made: its id in the organiser's calendar and the Teams meeting's join link (null if not given yet).</summary>
public sealed record CalendarEventCreated(string EventId, string? JoinUrl);
