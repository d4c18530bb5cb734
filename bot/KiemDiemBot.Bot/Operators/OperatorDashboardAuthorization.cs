using Hangfire.Dashboard;

namespace KiemDiemBot.Bot.Operators;

/// <summary>
/// Hangfire's own check on every dashboard request, behind the endpoint's operator policy: the signed-in user must
/// still be an operator (a second lock in case the endpoint's policy is ever dropped).
/// </summary>
internal sealed class OperatorDashboardAuthorization(OperatorAccess access) : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.GetHttpContext().User;
        return user.Identity?.IsAuthenticated == true && access.Standing(user) == OperatorStanding.Operator;
    }
}
