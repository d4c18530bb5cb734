using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Core.Demo;

/// <summary>
/// Loads the demo organisation (a grassroots committee, two cells, fifteen members with e-mails at
/// <see cref="DemoOrganisation.EmailDomain"/>) with an open review cycle of the current year whose two cells
/// meet at 08:00 on the third working day from today, so a demo member can write a self-review at once.
/// </summary>
public interface IDemoOrganisationSeeder
{
    /// <summary>Loads the demo organisation when the database holds no organisation and no member; answers whether it did.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Loads the demo organisation, or brings it back to its defined state: rows are matched by code, never
    /// duplicated; the year's cycle is opened if needed and the cells' meetings are set again from today. Commits.
    /// </summary>
    Task<RosterImportResult> SeedAsync(CancellationToken cancellationToken);
}
