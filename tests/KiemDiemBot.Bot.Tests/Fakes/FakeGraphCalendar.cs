using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Graph's calendar, online meetings and chat app installations on a <see cref="FakeGraph"/>, following the
/// documented shapes: <c>POST /users/{id}/events</c> (201 with the event, <c>onlineMeeting.joinUrl</c> when
/// <c>isOnlineMeeting</c>; a repeated <c>transactionId</c> answers the event already made instead of a second),
/// <c>GET</c>/<c>PATCH /users/{id}/events/{eventId}</c> (404 <c>ErrorItemNotFound</c> when unknown or cancelled),
/// <c>POST /users/{id}/events/{eventId}/cancel</c> (202, no body), <c>GET /users/{id}/onlineMeetings?$filter=JoinWebUrl eq '…'</c>
/// (a collection with <c>chatInfo.threadId</c>), <c>POST /chats/{chatId}/installedApps</c> (201; 409 <c>Conflict</c>
/// when the app is already there; 404 for an unknown chat).
/// </summary>
public sealed class FakeGraphCalendar
{
    private readonly Lock gate = new();
    private readonly List<FakeCalendarEvent> events = [];
    private readonly Dictionary<string, HashSet<string>> installedApps = new(StringComparer.Ordinal);

    public FakeGraphCalendar(FakeGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        graph.Map("POST", "/users/{userId}/events", CreateAsync);
        graph.Map("GET", "/users/{userId}/events/{eventId}", GetAsync);
        graph.Map("PATCH", "/users/{userId}/events/{eventId}", PatchAsync);
        graph.Map("POST", "/users/{userId}/events/{eventId}/cancel", CancelAsync);
        graph.Map("GET", "/users/{userId}/onlineMeetings", FindMeetingsAsync);
        graph.Map("POST", "/chats/{chatId}/installedApps", InstallAsync);
    }

    /// <summary>Every event made, cancelled ones included, in creation order (copies).</summary>
    public IReadOnlyList<FakeCalendarEvent> Events
    {
        get { lock (gate) { return [.. events.Select(e => e with { Attendees = [.. e.Attendees] })]; } }
    }

    /// <summary>The app catalogue ids installed in a chat.</summary>
    public IReadOnlyList<string> AppsIn(string chatId)
    {
        lock (gate)
        {
            return installedApps.TryGetValue(chatId, out var apps) ? [.. apps] : [];
        }
    }

    private async Task CreateAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var organizer = (string)context.Request.RouteValues["userId"]!;
        if (body?["start"]?["timeZone"] is null || body["end"]?["timeZone"] is null || body["subject"] is null)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "ErrorInvalidRequest", "start, end and subject are required.");
            return;
        }
        var online = (bool?)body["isOnlineMeeting"] == true;
        if (online && (string?)body["onlineMeetingProvider"] != "teamsForBusiness")
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "ErrorInvalidRequest", "The online meeting provider is not supported.");
            return;
        }
        var transactionId = (string?)body["transactionId"];
        FakeCalendarEvent made;
        lock (gate)
        {
            var existing = transactionId is null
                ? null
                : events.FirstOrDefault(e => e.Organizer == organizer && e.TransactionId == transactionId);
            if (existing is null)
            {
                var thread = "19:meeting_" + Guid.NewGuid().ToString("N") + "@thread.v2";
                made = new FakeCalendarEvent(
                    "AAMkAGI2" + Guid.NewGuid().ToString("N"),
                    organizer,
                    transactionId,
                    (string)body["subject"]!,
                    (string?)body["body"]?["content"] ?? "",
                    (string)body["start"]!["dateTime"]!,
                    (string)body["start"]!["timeZone"]!,
                    (string)body["end"]!["dateTime"]!,
                    (string)body["end"]!["timeZone"]!,
                    Attendees(body),
                    online ? "https://teams.microsoft.com/l/meetup-join/" + Uri.EscapeDataString(thread) + "/0?context=%7b%22Tid%22%3a%22test%22%7d" : null,
                    online ? thread : null);
                events.Add(made);
            }
            else
            {
                made = existing;
            }
        }
        await FakeGraph.WriteJsonAsync(context, HttpStatusCode.Created, Json(made));
    }

    private async Task GetAsync(HttpContext context)
    {
        if (Find(context) is not { } found)
        {
            await NotFoundAsync(context);
            return;
        }
        await FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, Json(found));
    }

    private async Task PatchAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        FakeCalendarEvent? updated = null;
        lock (gate)
        {
            var index = events.FindIndex(e => e.Id == (string?)context.Request.RouteValues["eventId"] && !e.IsCancelled);
            if (index >= 0 && body is not null)
            {
                var e = events[index];
                updated = e with
                {
                    Subject = (string?)body["subject"] ?? e.Subject,
                    BodyHtml = (string?)body["body"]?["content"] ?? e.BodyHtml,
                    Start = (string?)body["start"]?["dateTime"] ?? e.Start,
                    StartTimeZone = (string?)body["start"]?["timeZone"] ?? e.StartTimeZone,
                    End = (string?)body["end"]?["dateTime"] ?? e.End,
                    EndTimeZone = (string?)body["end"]?["timeZone"] ?? e.EndTimeZone,
                    Attendees = body["attendees"] is null ? e.Attendees : Attendees(body),
                    Patches = e.Patches + 1,
                };
                events[index] = updated;
            }
        }
        if (updated is null)
        {
            await NotFoundAsync(context);
            return;
        }
        await FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, Json(updated));
    }

    private async Task CancelAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var cancelled = false;
        lock (gate)
        {
            var index = events.FindIndex(e => e.Id == (string?)context.Request.RouteValues["eventId"] && !e.IsCancelled);
            if (index >= 0)
            {
                // Action parameters are matched without regard to case: the docs write "comment", the SDK sends "Comment".
                var comment = body?.AsObject().FirstOrDefault(p => string.Equals(p.Key, "comment", StringComparison.OrdinalIgnoreCase)).Value;
                events[index] = events[index] with { IsCancelled = true, CancelComment = (string?)comment };
                cancelled = true;
            }
        }
        if (!cancelled)
        {
            await NotFoundAsync(context);
            return;
        }
        context.Response.StatusCode = (int)HttpStatusCode.Accepted;
    }

    private async Task FindMeetingsAsync(HttpContext context)
    {
        const string Prefix = "JoinWebUrl eq '";
        var filter = context.Request.Query["$filter"].ToString();
        if (!filter.StartsWith(Prefix, StringComparison.Ordinal) || !filter.EndsWith('\''))
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "BadRequest", "Filter on JoinWebUrl is required.");
            return;
        }
        var joinUrl = filter[Prefix.Length..^1].Replace("''", "'", StringComparison.Ordinal);
        FakeCalendarEvent? found;
        lock (gate)
        {
            found = events.FirstOrDefault(e => e.JoinUrl == joinUrl && e.Organizer == (string?)context.Request.RouteValues["userId"]);
        }
        var value = new JsonArray();
        if (found is { ThreadId: { } thread })
        {
            value.Add(new JsonObject
            {
                ["id"] = "MSo" + found.Id,
                ["subject"] = found.Subject,
                ["joinWebUrl"] = found.JoinUrl,
                ["chatInfo"] = new JsonObject { ["threadId"] = thread, ["messageId"] = "0", ["replyChainMessageId"] = null },
            });
        }
        await FakeGraph.WriteJsonAsync(context, HttpStatusCode.OK, new JsonObject
        {
            ["@odata.context"] = FakeGraph.LinkTo(context, "/$metadata#users('" + context.Request.RouteValues["userId"] + "')/onlineMeetings"),
            ["value"] = value,
        });
    }

    private async Task InstallAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        var chatId = (string)context.Request.RouteValues["chatId"]!;
        const string Catalogue = "/appCatalogs/teamsApps/";
        var bind = (string?)body?["teamsApp@odata.bind"];
        var at = bind?.LastIndexOf(Catalogue, StringComparison.Ordinal) ?? -1;
        if (bind is null || at < 0)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "BadRequest", "teamsApp@odata.bind is required.");
            return;
        }
        var appId = bind[(at + Catalogue.Length)..];
        bool known;
        bool added = false;
        lock (gate)
        {
            known = events.Any(e => e.ThreadId == chatId);
            if (known)
            {
                if (!installedApps.TryGetValue(chatId, out var apps))
                {
                    installedApps[chatId] = apps = new HashSet<string>(StringComparer.Ordinal);
                }
                added = apps.Add(appId);
            }
        }
        if (!known)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "NotFound", "Chat not found.");
        }
        else if (!added)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.Conflict, "Conflict", "App is already installed in this chat.");
        }
        else
        {
            await FakeGraph.WriteJsonAsync(context, HttpStatusCode.Created, new JsonObject
            {
                ["id"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(chatId + "##" + appId)),
            });
        }
    }

    private FakeCalendarEvent? Find(HttpContext context)
    {
        lock (gate)
        {
            return events.FirstOrDefault(e => e.Id == (string?)context.Request.RouteValues["eventId"] && !e.IsCancelled);
        }
    }

    private static Task NotFoundAsync(HttpContext context) =>
        FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "ErrorItemNotFound", "The specified object was not found in the store.");

    private static async Task<JsonNode?> ReadAsync(HttpContext context) =>
        context.Request.ContentLength is 0 ? null : await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);

    private static List<string> Attendees(JsonNode body) =>
        [.. (body["attendees"]?.AsArray() ?? []).Select(a => (string)a!["emailAddress"]!["address"]!)];

    private static JsonObject Json(FakeCalendarEvent e) => new()
    {
        ["id"] = e.Id,
        ["transactionId"] = e.TransactionId,
        ["subject"] = e.Subject,
        ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = e.BodyHtml },
        ["start"] = new JsonObject { ["dateTime"] = e.Start + ".0000000", ["timeZone"] = e.StartTimeZone },
        ["end"] = new JsonObject { ["dateTime"] = e.End + ".0000000", ["timeZone"] = e.EndTimeZone },
        ["isOnlineMeeting"] = e.JoinUrl is not null,
        ["onlineMeetingProvider"] = e.JoinUrl is null ? "unknown" : "teamsForBusiness",
        ["onlineMeeting"] = e.JoinUrl is null ? null : new JsonObject { ["joinUrl"] = e.JoinUrl },
        ["attendees"] = new JsonArray([.. e.Attendees.Select(a => (JsonNode)new JsonObject
        {
            ["type"] = "required",
            ["status"] = new JsonObject { ["response"] = "none", ["time"] = "0001-01-01T00:00:00Z" },
            ["emailAddress"] = new JsonObject { ["address"] = a, ["name"] = a },
        })]),
    };
}

/// <summary>An event in the fake calendar, as last written.</summary>
public sealed record FakeCalendarEvent(
    string Id,
    string Organizer,
    string? TransactionId,
    string Subject,
    string BodyHtml,
    string Start,
    string StartTimeZone,
    string End,
    string EndTimeZone,
    List<string> Attendees,
    string? JoinUrl,
    string? ThreadId)
{
    public bool IsCancelled { get; init; }

    public string? CancelComment { get; init; }

    /// <summary>How many PATCHes it had.</summary>
    public int Patches { get; init; }
}
