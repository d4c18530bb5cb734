using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>What the Graph files and installation tests read or change in storage directly.</summary>
public static class TestSharing
{
    /// <summary>
    /// Who may read a ballot's minutes, as the file store is told: each voter on its attendance list and
    /// <paramref name="requesterId"/>, by Entra object id when known, else e-mail (lower case); members with neither left out.
    /// </summary>
    public static async Task<IReadOnlySet<string>> MinutesReadersAsync(IServiceProvider services, Guid ballotId, Guid requesterId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var voters = await db.BallotVoters.AsNoTracking().Where(v => v.BallotId == ballotId).Select(v => v.MemberId).ToListAsync();
        voters.Add(requesterId);
        var members = await db.Members.AsNoTracking().Where(m => voters.Contains(m.Id)).Select(m => new { m.EntraObjectId, m.Email }).ToListAsync();
        return members
            .Select(m => m.EntraObjectId?.ToString("D") ?? m.Email?.ToLowerInvariant())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Everyone on the roster who is not on the ballot's attendance list, as the file store would name them.</summary>
    public static async Task<IReadOnlySet<string>> NotOnBallotAsync(IServiceProvider services, Guid ballotId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var voters = await db.BallotVoters.AsNoTracking().Where(v => v.BallotId == ballotId).Select(v => v.MemberId).ToListAsync();
        var others = await db.Members.AsNoTracking().Where(m => !voters.Contains(m.Id)).Select(m => new { m.EntraObjectId, m.Email }).ToListAsync();
        return others
            .Select(m => m.EntraObjectId?.ToString("D") ?? m.Email?.ToLowerInvariant())
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Renames a member (a ballot's subject: the minutes name them, so the document changes).</summary>
    public static async Task RenameAsync(IServiceProvider services, string fullName, string newName)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var member = await db.Members.SingleAsync(m => m.FullName == fullName);
        member.FullName = newName;
        await db.SaveChangesAsync();
    }

    /// <summary>The member's <c>app_installations</c> row: status, attempts and last error; null when there is none.</summary>
    public static async Task<(AppInstallStatus Status, int Attempts, string? LastError)?> AppInstallationAsync(IServiceProvider services, Guid memberId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var row = await db.AppInstallations.AsNoTracking().SingleOrDefaultAsync(i => i.MemberId == memberId);
        return row is null ? null : (row.Status, row.Attempts, row.LastError);
    }

    /// <summary>How many <c>shared_files</c> rows there are.</summary>
    public static async Task<int> SharedFileCountAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().SharedFiles.CountAsync();
    }
}
