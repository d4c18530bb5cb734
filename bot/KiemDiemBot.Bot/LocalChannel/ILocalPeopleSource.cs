namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The people the local page offers to sign in as (<c>GET /local/people</c>). The default is the people
/// the channel has seen; a roster-backed source can replace it by registering another implementation.
/// </summary>
public interface ILocalPeopleSource
{
    Task<IReadOnlyList<LocalPerson>> ListAsync(CancellationToken cancellationToken);
}
