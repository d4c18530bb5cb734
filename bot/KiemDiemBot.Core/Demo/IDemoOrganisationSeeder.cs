using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Core.Demo;

/// <summary>Loads the demo organisation (a grassroots committee, two cells, fifteen members with e-mails at <see cref="DemoOrganisation.EmailDomain"/>).</summary>
public interface IDemoOrganisationSeeder
{
    /// <summary>Loads the demo organisation when the database holds no organisation and no member; answers whether it did.</summary>
    Task<bool> SeedIfEmptyAsync(CancellationToken cancellationToken);

    /// <summary>Loads the demo organisation, or brings it back to its defined state: rows are matched by code, never duplicated.</summary>
    Task<RosterImportResult> SeedAsync(CancellationToken cancellationToken);
}
