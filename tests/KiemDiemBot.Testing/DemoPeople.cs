using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>The demo organisation's members as test people: known to the bot by an Entra object id, as after their first sign-in.</summary>
public static class DemoPeople
{
    public const string Hung = "DEMO-001";
    public const string Mai = "DEMO-002";
    public const string Huong = "DEMO-003";
    public const string Nam = "DEMO-004";
    public const string Trang = "DEMO-005";
    public const string Ngoc = "DEMO-006";
    public const string Thanh = "DEMO-007";
    public const string Long = "DEMO-008";
    public const string Tuan = "DEMO-009";
    public const string Lan = "DEMO-010";

    /// <summary>Links the demo member with this roster code to <paramref name="entraObjectId"/>; answers the member's id.</summary>
    public static async Task<Guid> LinkAsync(IServiceProvider services, string code, Guid entraObjectId)
    {
        await TestRoster.SeedDemoAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var member = await db.Members.SingleAsync(m => m.Code == code);
        member.EntraObjectId = entraObjectId;
        await db.SaveChangesAsync();
        return member.Id;
    }

    /// <summary>The member's id and name.</summary>
    public static async Task<(Guid Id, string FullName)> FindAsync(IServiceProvider services, string code)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Code == code);
        return (member.Id, member.FullName);
    }
}
