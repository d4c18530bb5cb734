namespace KiemDiemBot.Core.Roster;

/// <summary>Finds members by their Teams identity.</summary>
public interface IRosterDirectory
{
    /// <summary>The member signed in with <paramref name="email"/>, ignoring case and surrounding spaces; null when none.</summary>
    Task<RosterMember?> FindByEmailAsync(string email, CancellationToken cancellationToken);

    /// <summary>The member whose Entra ID account has <paramref name="objectId"/>, once recorded; null when none.</summary>
    Task<RosterMember?> FindByEntraObjectIdAsync(Guid objectId, CancellationToken cancellationToken);

    /// <summary>Every member that has an e-mail address, by name in Vietnamese order.</summary>
    Task<IReadOnlyList<RosterMember>> ListMembersAsync(CancellationToken cancellationToken);

    /// <summary>Every post of a member that has an e-mail address, by member, then by the post's rank.</summary>
    Task<IReadOnlyList<RosterPost>> ListPostsAsync(CancellationToken cancellationToken);

    /// <summary>Every party cell (chi bộ cơ sở or chi bộ trực thuộc), by name in Vietnamese order.</summary>
    Task<IReadOnlyList<RosterCell>> ListCellsAsync(CancellationToken cancellationToken);

    /// <summary>The names of these organisations or collectives, by id (e.g. to say where a member reviews); unknown ids are left out.</summary>
    Task<IReadOnlyDictionary<Guid, string>> FindOrganisationNamesAsync(IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken);
}
