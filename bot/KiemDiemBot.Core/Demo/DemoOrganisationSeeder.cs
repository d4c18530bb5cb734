using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Demo;

internal sealed class DemoOrganisationSeeder(KiemDiemDbContext db, RosterImporter importer, TimeProvider clock) : IDemoOrganisationSeeder
{
    public async Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.Organisations.AnyAsync(cancellationToken) || await db.Members.AnyAsync(cancellationToken))
        {
            return false;
        }
        var result = await SeedAsync(cancellationToken);
        return result.Succeeded;
    }

    public async Task<RosterImportResult> SeedAsync(CancellationToken cancellationToken)
    {
        var result = await importer.ImportAsync(DemoRoster.Build(WorkingCalendar.Today(clock)), cancellationToken);
        if (!result.Succeeded)
        {
            // The demo roster is fixed data: an error here is a defect, not a user mistake.
            throw new InvalidOperationException("The demo roster does not import: " + string.Join(" | ", result.Errors));
        }
        return result;
    }
}
