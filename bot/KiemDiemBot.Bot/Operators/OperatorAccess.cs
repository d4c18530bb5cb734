using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace KiemDiemBot.Bot.Operators;

/// <summary>Whom a signed-in user is to the operator pages: an operator, someone outside the group, or someone whose groups Entra left out.</summary>
public enum OperatorStanding
{
    Operator,
    NotInGroup,

    /// <summary>Entra sent a groups-overage claim instead of the groups (too many groups for the token): refused, never guessed.</summary>
    GroupsOverage,
}

/// <summary>
/// The operator policy: a signed-in user whose <c>groups</c> claim holds <c>Operators:AllowedGroupId</c>. A token
/// that carries the groups-overage claim (<c>_claim_names</c> naming <c>groups</c>, or <c>hasgroups</c>) is refused
/// with its own page: the bot does not call Graph to resolve it.
/// </summary>
public sealed class OperatorAccess(string allowedGroupId) : AuthorizationHandler<OperatorAccess>, IAuthorizationRequirement
{
    public const string PolicyName = "KiemDiemOperator";

    /// <summary>The reason given when the groups could not be read.</summary>
    public const string OverageReason = "groups-overage";

    public const string GroupsClaim = "groups";

    public OperatorStanding Standing(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.FindAll(GroupsClaim).Any(c => string.Equals(c.Value, allowedGroupId, StringComparison.OrdinalIgnoreCase)))
        {
            return OperatorStanding.Operator;
        }
        var overage = user.FindAll("_claim_names").Any(c => c.Value.Contains("\"groups\"", StringComparison.Ordinal))
            || user.FindAll("hasgroups").Any(c => string.Equals(c.Value, "true", StringComparison.OrdinalIgnoreCase));
        return overage ? OperatorStanding.GroupsOverage : OperatorStanding.NotInGroup;
    }

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperatorAccess requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(requirement);
        if (context.User.Identity?.IsAuthenticated != true)
        {
            return Task.CompletedTask;
        }
        switch (requirement.Standing(context.User))
        {
            case OperatorStanding.Operator:
                context.Succeed(requirement);
                break;
            case OperatorStanding.GroupsOverage:
                context.Fail(new AuthorizationFailureReason(this, OverageReason));
                break;
            default:
                context.Fail();
                break;
        }
        return Task.CompletedTask;
    }
}
