using System.Globalization;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Meetings;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.Events.Item.Cancel;

namespace KiemDiemBot.Bot.Graph;

/// <summary>
/// Review meetings in Outlook and Teams through Microsoft Graph, organised by <c>Graph:Calendar:OrganizerUserId</c>:
/// <c>POST /users/{organizer}/events</c> (an online Teams meeting, attendees by e-mail, times in
/// "SE Asia Standard Time", <c>transactionId</c> so a repeated create answers the same event),
/// <c>PATCH /users/{organizer}/events/{id}</c>, <c>POST /users/{organizer}/events/{id}/cancel</c>,
/// <c>GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '...'</c> for the meeting chat's thread id, and
/// <c>POST /chats/{id}/installedApps</c> with the catalogue's app (<c>Graph:Install:TeamsAppId</c>). Throttling is
/// waited out by the Graph client's retry handler; what still fails becomes a <see cref="MeetingCalendarException"/>
/// carrying the status and Graph's error code only.
/// </summary>
internal sealed class GraphMeetingCalendar(GraphServiceClient graph, GraphOptions options) : IMeetingCalendarGateway
{
    /// <summary>Windows' name of Asia/Ho_Chi_Minh (UTC+7, no daylight saving), which Outlook shows the times in.</summary>
    public const string VietnamTimeZone = "SE Asia Standard Time";

    private static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private string Organizer => options.Calendar.OrganizerUserId!.Trim();

    public bool IsEnabled => options.Calendar.IsEnabled;

    public bool InstallsApp => options.Install.IsEnabled;

    public async Task<CalendarEventCreated> CreateEventAsync(CalendarEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = Event(request);
        body.TransactionId = request.TransactionId;
        body.IsOnlineMeeting = true;
        body.OnlineMeetingProvider = OnlineMeetingProviderType.TeamsForBusiness;
        body.AllowNewTimeProposals = false;
        var created = await CallAsync("create", () => graph.Users[Organizer].Events.PostAsync(body, cancellationToken: cancellationToken));
        if (created?.Id is not { Length: > 0 } id)
        {
            throw new MeetingCalendarException("create", 200, "noEventId");
        }
        return new CalendarEventCreated(id, created.OnlineMeeting?.JoinUrl);
    }

    public async Task UpdateEventAsync(string eventId, CalendarEventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await CallAsync("update", () => graph.Users[Organizer].Events[eventId].PatchAsync(Event(request), cancellationToken: cancellationToken));
    }

    public async Task CancelEventAsync(string eventId, string comment, CancellationToken cancellationToken)
    {
        try
        {
            await CallAsync("cancel", async () =>
            {
                await graph.Users[Organizer].Events[eventId].Cancel.PostAsync(new CancelPostRequestBody { Comment = comment }, cancellationToken: cancellationToken);
                return true;
            });
        }
        catch (MeetingCalendarException gone) when (gone.StatusCode == 404)
        {
            // Deleted by hand in Outlook already: nothing left to cancel.
        }
    }

    public async Task<string?> GetJoinUrlAsync(string eventId, CancellationToken cancellationToken)
    {
        var found = await CallAsync("read", () => graph.Users[Organizer].Events[eventId].GetAsync(
            r => r.QueryParameters.Select = ["id", "onlineMeeting"], cancellationToken));
        return found?.OnlineMeeting?.JoinUrl;
    }

    public async Task<string?> FindMeetingChatAsync(string joinUrl, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(joinUrl);
        var filter = string.Create(CultureInfo.InvariantCulture, $"JoinWebUrl eq '{joinUrl.Replace("'", "''", StringComparison.Ordinal)}'");
        var meetings = await CallAsync("find-chat", () => graph.Users[Organizer].OnlineMeetings.GetAsync(
            r => r.QueryParameters.Filter = filter, cancellationToken));
        return meetings?.Value?.Select(m => m.ChatInfo?.ThreadId).FirstOrDefault(id => !string.IsNullOrEmpty(id));
    }

    public async Task InstallAppInChatAsync(string chatId, CancellationToken cancellationToken)
    {
        var installation = new TeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object>
            {
                ["teamsApp@odata.bind"] = $"{options.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{options.Install.TeamsAppId!.Trim()}",
            },
        };
        try
        {
            await CallAsync("install", () => graph.Chats[chatId].InstalledApps.PostAsync(installation, cancellationToken: cancellationToken));
        }
        catch (MeetingCalendarException installed) when (installed.StatusCode == 409)
        {
            // Already installed in this chat (by a person, or by an earlier run whose record was lost).
        }
    }

    private static Event Event(CalendarEventRequest request) => new()
    {
        Subject = request.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = request.BodyHtml },
        Start = Vietnam(request.StartsAt),
        End = Vietnam(request.EndsAt),
        Attendees = [.. request.AttendeeEmails.Select(email => new Attendee
        {
            EmailAddress = new EmailAddress { Address = email },
            Type = AttendeeType.Required,
        })],
    };

    private static DateTimeTimeZone Vietnam(DateTimeOffset instant) => new()
    {
        DateTime = instant.ToOffset(VietnamOffset).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        TimeZone = VietnamTimeZone,
    };

    /// <summary>One Graph call; its failure as a <see cref="MeetingCalendarException"/> (status and Graph's code, no message text).</summary>
    private static async Task<T> CallAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ODataError error)
        {
            throw new MeetingCalendarException(operation, error.ResponseStatusCode, error.Error?.Code, error);
        }
        catch (HttpRequestException failure)
        {
            throw new MeetingCalendarException(operation, (int?)failure.StatusCode ?? 0, "network", failure);
        }
    }
}
