namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// What the local page offers to pick: the people to sign in as (<c>GET /local/people</c>) and the group
/// chats to open (<c>GET /local/groups</c>).
/// </summary>
public interface ILocalPeopleSource
{
    Task<IReadOnlyList<LocalPerson>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Names of group chats to offer, e.g. each cell's review-meeting chat.</summary>
    Task<IReadOnlyList<string>> ListGroupsAsync(CancellationToken cancellationToken);
}
