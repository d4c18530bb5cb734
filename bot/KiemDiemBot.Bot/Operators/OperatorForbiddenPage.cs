using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace KiemDiemBot.Bot.Operators;

/// <summary>
/// A signed-in user refused by the operator policy gets 403 with a plain Vietnamese page (why, and what to ask for),
/// not the cookie handler's redirect to an access-denied path this host does not serve. Everything else, the
/// challenge of an anonymous request (302 to the identity provider) included, goes to the default handling.
/// </summary>
internal sealed class OperatorForbiddenPage(ILogger<OperatorForbiddenPage> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Forbidden && policy.Requirements.OfType<OperatorAccess>().Any())
        {
            var overage = authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r.Message == OperatorAccess.OverageReason) == true;
            OperatorLog.Refused(logger, context.Request.Path.StartsWithSegments(Hosting.JobsExtensions.DashboardPath, StringComparison.OrdinalIgnoreCase) ? "jobs" : "operator", overage ? OperatorAccess.OverageReason : "not-in-group");
            await OperatorPage.WriteForbiddenAsync(context, overage).ConfigureAwait(false);
            return;
        }
        await fallback.HandleAsync(next, context, policy, authorizeResult).ConfigureAwait(false);
    }
}
