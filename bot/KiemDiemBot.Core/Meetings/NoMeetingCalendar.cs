namespace KiemDiemBot.Core.Meetings;

/// <summary>The calendar when none is configured: <see cref="IsEnabled"/> is false, so the calendar job pushes nothing and never calls it.</summary>
internal sealed class NoMeetingCalendar : IMeetingCalendarGateway
{
    public bool IsEnabled => false;

    public bool InstallsApp => false;

    public Task<CalendarEventCreated> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken) => throw NotConfigured();

    public Task UpdateEventAsync(string eventId, CalendarEventRequest request, CancellationToken cancellationToken) => throw NotConfigured();

    public Task CancelEventAsync(string eventId, string comment, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<string?> GetJoinUrlAsync(string eventId, CancellationToken cancellationToken) => throw NotConfigured();

    public Task<string?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken) => throw NotConfigured();

    public Task InstallAppInChatAsync(string chatId, CancellationToken cancellationToken) => throw NotConfigured();

    private static InvalidOperationException NotConfigured() =>
        new("No meeting calendar is configured (Graph:Calendar:OrganizerUserId); check IsEnabled before calling.");
}
