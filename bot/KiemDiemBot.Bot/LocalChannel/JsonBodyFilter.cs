using Microsoft.Net.Http.Headers;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Lets through only requests whose body, if any, is declared <c>application/json</c>; others get 415 with
/// one line. A browser sends a cross-site <c>text/plain</c> POST without asking first, but never a JSON
/// one, so this closes the channel to forms and scripts of other web pages.
/// </summary>
internal sealed class JsonBodyFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var hasBody = request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
        if (request.ContentType is null ? !hasBody : IsJson(request.ContentType))
        {
            return await next(context);
        }
        LocalChannelLog.Refused(
            context.HttpContext.RequestServices.GetRequiredService<ILogger<JsonBodyFilter>>(), request.Method, DirectLineAccessFilter.RouteOf(context.HttpContext), StatusCodes.Status415UnsupportedMediaType);
        return LocalChannelResults.Error(StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "The body must be application/json.");
    }

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);
}
