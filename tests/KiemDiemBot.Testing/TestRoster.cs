using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>
/// Puts test people on the roster: the demo organisation, and one official member of its office cell per
/// Teams user a test invents (known by their Entra object id, as after their first sign-in, or by e-mail only).
/// </summary>
public static class TestRoster
{
    public static async Task SeedDemoAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDemoOrganisationSeeder>().SeedIfEmptyAsync(CancellationToken.None);
    }

    /// <summary>Adds a member with this e-mail and object id to the demo office cell (seeded first if needed), unless there is one.</summary>
    public static async Task EnrolAsync(IServiceProvider services, string email, string fullName, Guid? entraObjectId)
    {
        await SeedDemoAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var emailKey = Member.ToEmailKey(email);
        if (await db.Members.AnyAsync(m => m.EmailKey == emailKey))
        {
            return;
        }
        var cell = await db.Organisations.SingleAsync(o => o.Code == DemoOrganisation.OfficeCellCode);
        db.Members.Add(new Member
        {
            Id = Guid.NewGuid(),
            Code = "TEST-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(emailKey!)))[..16],
            FullName = fullName,
            Email = email,
            EmailKey = emailKey,
            EntraObjectId = entraObjectId,
            OfficialCellId = cell.Id,
            Membership = MembershipKind.Official,
            AdmittedOn = new DateOnly(2010, 5, 19),
        });
        await db.SaveChangesAsync();
    }
}
