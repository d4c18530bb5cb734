using System.Globalization;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Transcripts;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// The page's pickers from the roster (the demo organisation on a fresh embedded run): every member with
/// an e-mail, with their cell and posts, then anyone else who has used the local channel (from its
/// stored conversations); and each cell's review-meeting chat as a group to open.
/// </summary>
public sealed class RosterPeopleSource(IRosterDirectory roster, ILocalTranscriptStore transcripts) : ILocalPeopleSource
{
    public async Task<IReadOnlyList<LocalPerson>> ListAsync(CancellationToken cancellationToken)
    {
        var members = await roster.ListMembersAsync(cancellationToken).ConfigureAwait(false);
        var posts = (await roster.ListPostsAsync(cancellationToken).ConfigureAwait(false)).ToLookup(p => p.MemberId);
        var people = members
            .Select(m => new LocalPerson(m.Email, m.FullName, m.CellName, [.. posts[m.Id].Select(Describe)]))
            .ToList();
        var known = people.Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var others = await transcripts.ListPeopleAsync(cancellationToken).ConfigureAwait(false);
        people.AddRange(others.Where(p => !known.Contains(p.UserId)).Select(p => new LocalPerson(p.UserId, p.Name, null, [])));
        return people;
    }

    public async Task<IReadOnlyList<string>> ListGroupsAsync(CancellationToken cancellationToken) =>
        [.. (await roster.ListCellsAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.MeetingChatName)];

    private static string Describe(RosterPost post) =>
        string.Format(CultureInfo.InvariantCulture, "{0}, {1}", post.Title, post.BodyName);
}
