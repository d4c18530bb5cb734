using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The page's "who are you" list: every member of the roster with an e-mail (the demo organisation on a
/// fresh embedded run), then anyone else who has used the local channel since it started.
/// </summary>
public sealed class RosterPeopleSource(IRosterDirectory roster, SeenPeople seen) : ILocalPeopleSource
{
    public async Task<IReadOnlyList<LocalPerson>> ListAsync(CancellationToken cancellationToken)
    {
        var members = await roster.ListMembersAsync(cancellationToken).ConfigureAwait(false);
        var people = members.Select(m => new LocalPerson(m.Email, m.FullName)).ToList();
        var known = people.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        people.AddRange((await seen.ListAsync(cancellationToken).ConfigureAwait(false)).Where(p => !known.Contains(p.Id)));
        return people;
    }
}
