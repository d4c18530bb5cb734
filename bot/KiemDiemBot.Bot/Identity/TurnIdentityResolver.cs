using System.Net;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Identity;

/// <summary>
/// Resolves, once per turn, which roster member wrote an activity. In local mode the Direct Line user id is
/// the member's e-mail. In Teams, <c>from.aadObjectId</c> is looked up among the stored Entra object ids; when
/// it is unknown, the Connector's member record (<c>GET /v3/conversations/{id}/members/{userId}</c>) gives the
/// e-mail and user principal name, matched to the roster ignoring case, and the object id is linked to the
/// member in the turn's unit of work (audited; written when the turn commits).
/// </summary>
public sealed class TurnIdentityResolver(
    ITurnMemberDirectory directory,
    IConnectorClient connector,
    BotOptions bot,
    ReviewOptions review,
    ILogger<TurnIdentityResolver> logger)
{
    public async Task<TurnIdentity> ResolveAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var identity = await FindAsync(activity, cancellationToken).ConfigureAwait(false);
        if (identity.Member is { } member)
        {
            logger.Resolved(activity.Id, member.MemberId, identity.Source);
        }
        else
        {
            logger.NotOnRoster(activity.Id, activity.ChannelId);
        }
        return identity;
    }

    /// <summary>The one reply to someone on no roster: who they should ask (<c>Review:RosterContact</c>).</summary>
    public DialogReply NotOnRosterReply(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return DialogReply.FromCard(NotOnRosterCard.Build(new NotOnRosterCardInput(activity.From?.Name, review.RosterContact)));
    }

    private Task<TurnIdentity> FindAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(activity.From?.Id))
        {
            return Task.FromResult(TurnIdentity.NotOnRoster);
        }
        if (bot.IsLocalMode)
        {
            // Only the host's own channel says who the user is by e-mail; nothing else is trusted to.
            return string.Equals(activity.ChannelId, LocalChannelService.ChannelId, StringComparison.Ordinal)
                ? FindLocalAsync(activity.From.Id, cancellationToken)
                : Task.FromResult(TurnIdentity.NotOnRoster);
        }
        return FindInTeamsAsync(activity, cancellationToken);
    }

    private async Task<TurnIdentity> FindLocalAsync(string email, CancellationToken cancellationToken)
    {
        var member = await directory.FindByEmailAsync(email, cancellationToken).ConfigureAwait(false);
        return member is null ? TurnIdentity.NotOnRoster : new TurnIdentity(member, TurnIdentitySource.LocalEmail);
    }

    private async Task<TurnIdentity> FindInTeamsAsync(Activity activity, CancellationToken cancellationToken)
    {
        var fromObjectId = ParseObjectId(activity.From!.AadObjectId);
        if (fromObjectId is { } objectId
            && await directory.FindByEntraObjectIdAsync(objectId, cancellationToken).ConfigureAwait(false) is { } known)
        {
            return new TurnIdentity(known, TurnIdentitySource.EntraObjectId);
        }

        if (string.IsNullOrEmpty(activity.ServiceUrl) || string.IsNullOrEmpty(activity.Conversation?.Id))
        {
            return TurnIdentity.NotOnRoster;
        }
        TeamsChannelAccount account;
        try
        {
            account = await connector.GetConversationMemberAsync(
                activity.ServiceUrl, activity.Conversation.Id, activity.From.Id!, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
        {
            logger.MemberNotInConversation(activity.Id);
            return TurnIdentity.NotOnRoster;
        }

        var (member, source, evidence) = await MatchAsync(account, cancellationToken).ConfigureAwait(false);
        if (member is null)
        {
            return TurnIdentity.NotOnRoster;
        }
        // The Connector's record is authoritative; the activity's own field only fills in when it has none.
        if ((ParseObjectId(account.AadObjectId) ?? fromObjectId) is { } accountObjectId)
        {
            directory.StageEntraObjectIdLink(member.MemberId, accountObjectId, evidence);
            logger.LinkStaged(activity.Id, member.MemberId, source);
        }
        return new TurnIdentity(member, source);
    }

    private async Task<(TurnMember? Member, TurnIdentitySource Source, MemberLinkEvidence Evidence)> MatchAsync(
        TeamsChannelAccount account, CancellationToken cancellationToken)
    {
        if (await directory.FindByEmailAsync(account.Email, cancellationToken).ConfigureAwait(false) is { } byEmail)
        {
            return (byEmail, TurnIdentitySource.TeamsEmail, MemberLinkEvidence.Email);
        }
        if (await directory.FindByEmailAsync(account.UserPrincipalName, cancellationToken).ConfigureAwait(false) is { } byUpn)
        {
            return (byUpn, TurnIdentitySource.TeamsUserPrincipalName, MemberLinkEvidence.UserPrincipalName);
        }
        return (null, TurnIdentitySource.NotOnRoster, default);
    }

    private static Guid? ParseObjectId(string? value) => Guid.TryParse(value, out var id) ? id : null;
}
