using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// What the database already holds, loaded once (tracked, so the import can change it): every
/// organisation and member by code key, and every post when the roster has a ChucVu table.
/// </summary>
internal sealed class RosterSnapshot
{
    private RosterSnapshot(List<Organisation> organisations, List<Member> members, List<Position> positions)
    {
        Organisations = organisations.ToDictionary(o => RosterCodes.Key(o.Code));
        Members = members.ToDictionary(m => RosterCodes.Key(m.Code));
        Positions = positions;
    }

    public Dictionary<string, Organisation> Organisations { get; }

    public Dictionary<string, Member> Members { get; }

    public List<Position> Positions { get; }

    public static async Task<RosterSnapshot> LoadAsync(KiemDiemDbContext db, bool withPositions, CancellationToken cancellationToken)
    {
        var organisations = await db.Organisations.ToListAsync(cancellationToken);
        var members = await db.Members.ToListAsync(cancellationToken);
        var positions = withPositions ? await db.Positions.ToListAsync(cancellationToken) : [];
        return new RosterSnapshot(organisations, members, positions);
    }
}
