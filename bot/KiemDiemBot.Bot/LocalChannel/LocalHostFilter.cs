using KiemDiemBot.Bot.Resources;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// In local mode the host answers only requests addressed to this machine by a loopback name:
/// <c>localhost</c>, <c>127.0.0.1</c> or <c>[::1]</c>, any port. Anything else (the machine's LAN name or
/// address, or a web page's own host name resolved to 127.0.0.1 by a rebinding DNS server) gets 400 with
/// one line of text, before any other middleware or endpoint runs. It runs as a startup filter, so it
/// stands in front of everything the host maps, whatever order Program.cs adds things in.
/// </summary>
internal sealed class LocalHostFilter : IStartupFilter
{
    /// <summary>The one line a refused browser shows: the member may have typed the machine's name instead of localhost.</summary>
    public static string RefusalText => LocalChannelTexts.ForeignHost;

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            if (IsLoopbackName(context.Request.Host.Host))
            {
                await nextMiddleware(context);
                return;
            }
            LocalChannelLog.ForeignHost(context.RequestServices.GetRequiredService<ILogger<LocalHostFilter>>(), context.Request.Method);
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(RefusalText + "\n", context.RequestAborted);
        });
        next(app);
    };

    /// <summary>True for the host names (without port) this machine alone answers to.</summary>
    public static bool IsLoopbackName(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || string.Equals(host, "127.0.0.1", StringComparison.Ordinal)
        || string.Equals(host, "[::1]", StringComparison.Ordinal);
}
