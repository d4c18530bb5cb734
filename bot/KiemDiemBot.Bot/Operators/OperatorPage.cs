using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Bot.Resources;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Operations;
using Microsoft.AspNetCore.Antiforgery;

namespace KiemDiemBot.Bot.Operators;

/// <summary>
/// The operator pages as server-rendered HTML in Vietnamese: no script, one small inline style allowed by a nonce,
/// tables that scroll sideways on a phone. Every value is HTML-encoded. Headers forbid framing, sniffing, caching
/// and any other source (<see cref="ApplyHeaders"/>).
/// </summary>
internal static class OperatorPage
{
    public const string ContentType = "text/html; charset=utf-8";

    /// <summary>
    /// Unreachable members listed per organisation; the rest are counted. Before members open their chats a committee
    /// of 10,000 could have thousands, which would make the page too long to read or load on a phone.
    /// </summary>
    public const int UnreachableShownPerOrganisation = 20;

    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private const string Style =
        "body{font-family:system-ui,sans-serif;margin:0 auto;padding:1rem;max-width:72rem;line-height:1.4}" +
        "h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}" +
        ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}" +
        "th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}" +
        "td.n{text-align:right}nav{display:flex;flex-wrap:wrap;gap:1rem;align-items:center}button{font:inherit;padding:.3rem .8rem}";

    /// <summary>Security headers for an operator page, and the nonce its style element must carry.</summary>
    public static void ApplyHeaders(HttpResponse response, out string nonce)
    {
        ArgumentNullException.ThrowIfNull(response);
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        var headers = response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'nonce-{nonce}'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
    }

    public static string Overview(OperatorOverviewView view, AntiforgeryTokenSet? antiforgery, string nonce)
    {
        ArgumentNullException.ThrowIfNull(view);
        var body = new StringBuilder();
        body.Append("<nav><a href=\"").Append(JobsExtensions.DashboardPath).Append("\">").Append(E(OperatorTexts.JobsLink)).Append("</a>");
        if (antiforgery is { FormFieldName: { } field, RequestToken: { } token })
        {
            body.Append("<form method=\"post\" action=\"").Append(OperatorEndpoints.SignOutPath).Append("\"><input type=\"hidden\" name=\"")
                .Append(E(field)).Append("\" value=\"").Append(E(token)).Append("\"><button type=\"submit\">").Append(E(OperatorTexts.SignOut)).Append("</button></form>");
        }
        body.Append("</nav><p>").Append(E(OperatorTexts.TimeZoneNote)).Append("</p>");
        Cycle(body, view);
        Unreachable(body, view.Unreachable);
        body.Append("<h2>").Append(E(OperatorTexts.FailedTurnsHeading)).Append("</h2><p>")
            .Append(E(Format(OperatorTexts.FailedTurnCount, view.FailedTurns.Failed))).Append("</p>");
        Failures(body, view.FailedTurns);
        body.Append("<h2>").Append(E(OperatorTexts.FailedMemberDeliveriesHeading)).Append("</h2><p>")
            .Append(E(Format(OperatorTexts.FailureCounts, view.FailedMemberDeliveries.Failed, view.FailedMemberDeliveries.Blocked))).Append("</p>");
        Failures(body, view.FailedMemberDeliveries);
        body.Append("<h2>").Append(E(OperatorTexts.FailedSendsHeading)).Append("</h2><p>")
            .Append(E(Format(OperatorTexts.FailureCounts, view.FailedSends.Failed, view.FailedSends.Blocked))).Append("</p>");
        Failures(body, view.FailedSends);
        return Layout(OperatorTexts.PageTitle, body.ToString(), nonce);
    }

    public static string SignedOut(string nonce) =>
        Layout(OperatorTexts.SignedOutTitle, $"<p>{E(OperatorTexts.SignedOutBody)}</p><p><a href=\"{OperatorEndpoints.Path}\">{E(OperatorTexts.SignInAgain)}</a></p>", nonce);

    public static async Task WriteForbiddenAsync(HttpContext context, bool groupsOverage)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        ApplyHeaders(context.Response, out var nonce);
        context.Response.ContentType = ContentType;
        var text = groupsOverage ? OperatorTexts.ForbiddenOverage : OperatorTexts.ForbiddenBody;
        await context.Response.WriteAsync(Layout(OperatorTexts.ForbiddenTitle, $"<p>{E(text)}</p>", nonce), context.RequestAborted).ConfigureAwait(false);
    }

    private static void Cycle(StringBuilder body, OperatorOverviewView view)
    {
        body.Append("<h2>").Append(E(OperatorTexts.CycleHeading)).Append("</h2>");
        if (view.CycleYear is not { } year)
        {
            body.Append("<p>").Append(E(OperatorTexts.NoOpenCycle)).Append("</p>");
            return;
        }
        body.Append("<p>").Append(E(Format(OperatorTexts.CycleOpen, year, Time(view.CycleOpenedAt)))).Append("</p>");
        body.Append("<div class=\"scroll\"><table><thead><tr>");
        Headers(body, OperatorTexts.ColOrganisation, OperatorTexts.ColMembers, OperatorTexts.ColSubmitted, OperatorTexts.ColMissing,
            OperatorTexts.ColMeetings, OperatorTexts.ColNextMeeting, OperatorTexts.ColBallots);
        body.Append("</tr></thead><tbody>");
        foreach (var organisation in view.Organisations)
        {
            body.Append("<tr><td>").Append(E(organisation.Name)).Append(" (").Append(E(organisation.Code)).Append(")</td>");
            Number(body, organisation.Members);
            Number(body, organisation.Submitted);
            Number(body, organisation.Missing);
            Number(body, organisation.Meetings);
            body.Append("<td>").Append(E(Time(organisation.NextMeetingStartsAt))).Append("</td><td class=\"n\">")
                .Append(organisation.OpenBallots.ToString(CultureInfo.InvariantCulture)).Append(" / ")
                .Append(organisation.ClosedBallots.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>");
        }
        body.Append("</tbody></table></div>");
    }

    private static void Unreachable(StringBuilder body, IReadOnlyList<UnreachableMemberLine> unreachable)
    {
        body.Append("<h2>").Append(E(OperatorTexts.UnreachableHeading)).Append("</h2>");
        if (unreachable.Count == 0)
        {
            body.Append("<p>").Append(E(OperatorTexts.NoneUnreachable)).Append("</p>");
            return;
        }
        body.Append("<p>").Append(E(Format(OperatorTexts.UnreachableCount, unreachable.Count))).Append("</p>");
        body.Append("<div class=\"scroll\"><table><thead><tr>");
        Headers(body, OperatorTexts.ColOrganisation, OperatorTexts.ColMember, OperatorTexts.ColMemberCode, OperatorTexts.ColReason);
        body.Append("</tr></thead><tbody>");
        foreach (var organisation in unreachable.GroupBy(line => line.OrganisationId))
        {
            foreach (var line in organisation.Take(UnreachableShownPerOrganisation))
            {
                var reason = line.Reason switch
                {
                    UnreachableReason.ChatBlocked => OperatorTexts.ReasonChatBlocked,
                    UnreachableReason.InstallFailed => Format(OperatorTexts.ReasonInstallFailed, line.Detail ?? "?"),
                    _ => OperatorTexts.ReasonNoPersonalChat,
                };
                body.Append("<tr><td>").Append(E(line.OrganisationName)).Append("</td><td>").Append(E(line.FullName)).Append("</td><td>")
                    .Append(E(line.MemberCode)).Append("</td><td>").Append(E(reason)).Append("</td></tr>");
            }
            var rest = organisation.Count() - UnreachableShownPerOrganisation;
            if (rest > 0)
            {
                body.Append("<tr><td>").Append(E(organisation.First().OrganisationName)).Append("</td><td colspan=\"3\">")
                    .Append(E(Format(OperatorTexts.UnreachableMore, rest))).Append("</td></tr>");
            }
        }
        body.Append("</tbody></table></div>");
    }

    private static void Failures(StringBuilder body, FailureList failures)
    {
        if (failures.Recent.Count == 0)
        {
            body.Append("<p>").Append(E(OperatorTexts.NoneFailed)).Append("</p>");
            return;
        }
        body.Append("<p>").Append(E(Format(OperatorTexts.RecentNote, IOperatorOverview.RecentCount))).Append("</p>");
        body.Append("<div class=\"scroll\"><table><thead><tr>");
        Headers(body, OperatorTexts.ColId, OperatorTexts.ColTime, OperatorTexts.ColKind, OperatorTexts.ColStatus, OperatorTexts.ColAttempts, OperatorTexts.ColErrorCode);
        body.Append("</tr></thead><tbody>");
        foreach (var line in failures.Recent)
        {
            var status = line.Status == "Blocked" ? OperatorTexts.StatusBlocked : OperatorTexts.StatusFailed;
            body.Append("<tr><td class=\"n\">").Append(line.Id.ToString(CultureInfo.InvariantCulture)).Append("</td><td>").Append(E(Time(line.At)))
                .Append("</td><td>").Append(E(line.Kind)).Append("</td><td>").Append(E(status)).Append("</td>");
            Number(body, line.Attempts);
            body.Append("<td>").Append(E(line.Code ?? string.Empty)).Append("</td></tr>");
        }
        body.Append("</tbody></table></div>");
    }

    private static string Layout(string title, string body, string nonce) =>
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" +
        $"<meta name=\"robots\" content=\"noindex\"><title>{E(title)}</title><style nonce=\"{E(nonce)}\">{Style}</style></head>" +
        $"<body><h1>{E(title)}</h1>{body}</body></html>";

    private static void Headers(StringBuilder body, params string[] names)
    {
        foreach (var name in names)
        {
            body.Append("<th scope=\"col\">").Append(E(name)).Append("</th>");
        }
    }

    private static void Number(StringBuilder body, int value) =>
        body.Append("<td class=\"n\">").Append(value.ToString(CultureInfo.InvariantCulture)).Append("</td>");

    private static string Time(DateTimeOffset? instant) =>
        instant is { } at ? TimeZoneInfo.ConvertTime(at, WorkingCalendar.TimeZone).ToString("dd/MM/yyyy HH:mm", Vietnamese) : string.Empty;

    private static string Format(string format, params object[] values) => string.Format(Vietnamese, format, values);

    private static string E(string text) => Html.Encode(text);
}
