using System.Net;
using System.Text;
using Microsoft.Extensions.FileProviders;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The chat page (<c>/</c> and <c>/index.html</c>): wwwroot/index.html with this start's Direct Line secret
/// in <c>&lt;meta name="directline-secret"&gt;</c>, never cached and never framed by another page. Only this
/// host's own page gets the secret: other web pages cannot read it across origins, and requests under a
/// foreign Host name never get here (<see cref="LocalHostFilter"/>).
/// </summary>
public static class ChatPageEndpoints
{
    /// <summary>What index.html carries in place of the secret.</summary>
    public const string SecretPlaceholder = "{{DIRECTLINE_SECRET}}";

    private const string PageFile = "index.html";

    public static IEndpointRouteBuilder MapChatPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/", ServeAsync);
        endpoints.MapGet("/" + PageFile, ServeAsync);
        return endpoints;
    }

    private static async Task ServeAsync(HttpContext context, IWebHostEnvironment environment, DirectLineSecret secret)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(PageFile);
        if (!file.Exists)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        var template = await ReadAsync(file, context.RequestAborted);
        var page = template.Replace(SecretPlaceholder, WebUtility.HtmlEncode(secret.Value), StringComparison.Ordinal);
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store, max-age=0";
        headers.Pragma = "no-cache";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(page, context.RequestAborted);
    }

    private static async Task<string> ReadAsync(IFileInfo file, CancellationToken cancellationToken)
    {
        await using var stream = file.CreateReadStream();
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
