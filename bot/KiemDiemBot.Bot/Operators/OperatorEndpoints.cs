using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Operations;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace KiemDiemBot.Bot.Operators;

public static class OperatorEndpoints
{
    public const string Path = "/operator";

    public const string SignOutPath = "/operator/sign-out";

    /// <summary>
    /// The operator page at <see cref="Path"/>: outside local mode only behind operator sign-in (with a sign-out form),
    /// and not at all when sign-in is not configured; in local mode for the local user (loopback requests only).
    /// </summary>
    public static void MapKiemDiemOperatorPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var bot = app.Services.GetRequiredService<BotOptions>();
        var operators = app.Services.GetRequiredService<OperatorsOptions>();
        if (bot.IsLocalMode)
        {
            app.MapGet(Path, (HttpContext context, IOperatorOverview overview, CancellationToken cancellationToken) =>
                IsLoopback(context) ? PageAsync(context, overview, antiforgery: null, cancellationToken) : Task.FromResult(Results.NotFound()));
            return;
        }
        if (!operators.IsSignInConfigured)
        {
            return;
        }
        app.MapGet(Path, (HttpContext context, IOperatorOverview overview, IAntiforgery antiforgery, CancellationToken cancellationToken) =>
            PageAsync(context, overview, antiforgery, cancellationToken))
            .RequireAuthorization(OperatorAccess.PolicyName);
        app.MapPost(SignOutPath, async (HttpContext context, IAntiforgery antiforgery, ILogger<OperatorAccess> logger) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return Results.BadRequest();
            }
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            OperatorLog.SignedOut(logger);
            OperatorPage.ApplyHeaders(context.Response, out var nonce);
            return Results.Content(OperatorPage.SignedOut(nonce), OperatorPage.ContentType);
        })
            .RequireAuthorization(OperatorAccess.PolicyName);
    }

    private static async Task<IResult> PageAsync(HttpContext context, IOperatorOverview overview, IAntiforgery? antiforgery, CancellationToken cancellationToken)
    {
        var view = await overview.GetAsync(cancellationToken);
        var tokens = antiforgery?.GetAndStoreTokens(context);
        OperatorPage.ApplyHeaders(context.Response, out var nonce);
        return Results.Content(OperatorPage.Overview(view, tokens, nonce), OperatorPage.ContentType);
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } remote && System.Net.IPAddress.IsLoopback(remote);
}
