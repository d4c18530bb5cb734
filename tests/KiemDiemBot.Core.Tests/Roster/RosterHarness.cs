using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Roster;

/// <summary>Imports into a fresh database and reads back what it holds.</summary>
internal static class RosterHarness
{
    public static async Task<RosterImportResult> ImportAsync(this StorageFixture storage, string path)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<IRosterImporter>().ImportAsync(path, CancellationToken.None);
    }

    public static async Task<RosterImportResult> ImportAsync(this StorageFixture storage, SampleRoster roster)
    {
        using var folder = roster.WriteCsvFolder();
        return await storage.ImportAsync(folder.Path);
    }

    public static async Task<List<Organisation>> OrganisationsAsync(this StorageFixture storage)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Organisations.AsNoTracking().ToListAsync();
    }

    public static async Task<List<Member>> MembersAsync(this StorageFixture storage)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Members.AsNoTracking().ToListAsync();
    }

    public static async Task<List<Position>> PositionsAsync(this StorageFixture storage)
    {
        await using var scope = storage.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>().Positions.AsNoTracking().ToListAsync();
    }

    /// <summary>The single error's text as the command prints it.</summary>
    public static string SingleError(this RosterImportResult result)
    {
        Assert.False(result.Succeeded);
        return Assert.Single(result.Errors).ToString();
    }
}
