using System.Collections.Concurrent;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>The people who started a conversation or wrote in the local channel since it started (in memory, like the transcripts).</summary>
public sealed class SeenPeople : ILocalPeopleSource
{
    private readonly ConcurrentDictionary<string, LocalPerson> _people = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(ChannelAccount? account)
    {
        if (account?.Id is not { Length: > 0 } id || string.Equals(id, LocalBot.Id, StringComparison.Ordinal))
        {
            return;
        }
        var name = string.IsNullOrWhiteSpace(account.Name) ? null : account.Name.Trim();
        _people.AddOrUpdate(id, _ => new LocalPerson(id, name), (_, known) => known with { Name = name ?? known.Name });
    }

    public Task<IReadOnlyList<LocalPerson>> ListAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<LocalPerson> people = [.. _people.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase)];
        return Task.FromResult(people);
    }
}
