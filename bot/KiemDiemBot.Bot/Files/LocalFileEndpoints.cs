using System.Text;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// <c>GET /files/{token}</c> in local mode only (mapped with the local channel, behind its Host check): the
/// .docx a <see cref="LocalFileLinks"/> token opens, as a download that is never cached. A malformed token is
/// answered 404, an altered or expired one 403, each with one plain Vietnamese line saying how to get a new link.
/// </summary>
public static class LocalFileEndpoints
{
    private const string RoutePrefix = "files/";
    private const string PaperRoutePrefix = "files/papers/";

    /// <summary>The link's path relative to the host's root.</summary>
    public static string PathFor(string token) => RoutePrefix + Uri.EscapeDataString(token);

    /// <summary>A ballot paper's link path relative to the host's root.</summary>
    public static string PaperPathFor(string token) => PaperRoutePrefix + Uri.EscapeDataString(token);

    public static IEndpointRouteBuilder MapLocalFileDownloads(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/" + RoutePrefix + "{token}", DownloadAsync);
        endpoints.MapGet("/" + PaperRoutePrefix + "{token}", DownloadPaperAsync);
        return endpoints;
    }

    private static async Task<IResult> DownloadAsync(
        string token,
        HttpContext context,
        LocalFileLinks links,
        ISelfReviewService reviews,
        ISelfReviewExporter exporter,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(LocalFileEndpoints));
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        var link = links.Check(token);
        if (link.Status != LocalFileLinkStatus.Valid)
        {
            FilesLog.LinkRefused(logger, link.Status);
            return link.Status switch
            {
                LocalFileLinkStatus.Expired => Page(StatusCodes.Status403Forbidden, FileMessages.LinkExpired),
                LocalFileLinkStatus.Tampered => Page(StatusCodes.Status403Forbidden, FileMessages.LinkInvalid),
                _ => Page(StatusCodes.Status404NotFound, FileMessages.LinkInvalid),
            };
        }
        var cancellationToken = context.RequestAborted;
        var review = await reviews.GetAsync(link.ReviewId, cancellationToken).ConfigureAwait(false);
        // The token names the member it was given to: it opens that member's review and no one else's.
        var file = review is not null && review.MemberId == link.MemberId
            ? await exporter.ExportAsync(review.ReviewId, cancellationToken).ConfigureAwait(false)
            : null;
        if (file is null)
        {
            return Page(StatusCodes.Status404NotFound, FileMessages.FileNotFound);
        }
        FilesLog.Downloaded(logger, link.ReviewId);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>
    /// A ballot paper (the minutes or the ranking list) as the export dialog allowed it to the member the token names;
    /// the same refusals as a self-review link.
    /// </summary>
    private static async Task<IResult> DownloadPaperAsync(
        string token,
        HttpContext context,
        LocalFileLinks links,
        IBallotExporter exporter,
        IBallotExportScope scope,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(LocalFileEndpoints));
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.XContentTypeOptions = "nosniff";
        var link = links.CheckPaper(token);
        if (link.Status != LocalFileLinkStatus.Valid || link.Request is not { } request)
        {
            FilesLog.LinkRefused(logger, link.Status);
            return link.Status switch
            {
                LocalFileLinkStatus.Expired => Page(StatusCodes.Status403Forbidden, FileMessages.LinkExpired),
                LocalFileLinkStatus.Tampered => Page(StatusCodes.Status403Forbidden, FileMessages.LinkInvalid),
                _ => Page(StatusCodes.Status404NotFound, FileMessages.LinkInvalid),
            };
        }
        var cancellationToken = context.RequestAborted;
        var file = request.BallotId is { } ballotId
            ? await exporter.MinutesAsync(ballotId, cancellationToken).ConfigureAwait(false)
            : await scope.OrganisationNameAsync(request.BodyId!.Value, cancellationToken).ConfigureAwait(false) is null
                ? null
                : await exporter.RankingListAsync(request.CycleId!.Value, request.BodyId!.Value, cancellationToken).ConfigureAwait(false);
        if (file is null)
        {
            return Page(StatusCodes.Status404NotFound, FileMessages.FileNotFound);
        }
        FilesLog.PaperDownloaded(logger, request.Verb);
        return Results.File(file.Content, file.ContentType, file.FileName);
    }

    private static IResult Page(int status, string text) =>
        Results.Text(text + "\n", "text/plain; charset=utf-8", Encoding.UTF8, status);
}
