using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Cycles;

/// <summary>The seed plan's default deadlines, which organisations each one binds, and their Vietnamese names.</summary>
public static class DeadlineKinds
{
    public static IReadOnlyList<DeadlineKind> All { get; } = Enum.GetValues<DeadlineKind>();

    /// <summary>The seed's default for a cycle of <paramref name="year"/> (the 2022 plan's days, in that year).</summary>
    public static DateOnly SeedDefault(this DeadlineKind kind, int year) => kind switch
    {
        DeadlineKind.CellReview => new DateOnly(year, 12, 1),
        DeadlineKind.SubCommitteeReview => new DateOnly(year, 12, 5),
        DeadlineKind.GrassrootsCommitteeReview => new DateOnly(year, 12, 10),
        DeadlineKind.ReportsUp => new DateOnly(year, 12, 15),
        DeadlineKind.CadreDossiers => new DateOnly(year, 12, 25),
        DeadlineKind.PartyBuildingReport => new DateOnly(year, 12, 15),
        DeadlineKind.SummaryConference => new DateOnly(year, 12, 31),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The deadline by which an organisation of <paramref name="kind"/> finishes its own reviews; null for kinds that have none.</summary>
    public static DeadlineKind? ReviewDeadlineFor(OrganisationKind kind) => kind switch
    {
        OrganisationKind.GrassrootsCell or OrganisationKind.AffiliatedCell or OrganisationKind.PartyGroup => DeadlineKind.CellReview,
        OrganisationKind.SubCommittee => DeadlineKind.SubCommitteeReview,
        OrganisationKind.GrassrootsCommittee => DeadlineKind.GrassrootsCommitteeReview,
        _ => null,
    };

    /// <summary>The Vietnamese name, e.g. "Chi bộ hoàn thành kiểm điểm".</summary>
    public static string DisplayName(this DeadlineKind kind) => kind switch
    {
        DeadlineKind.CellReview => RosterTexts.Deadline_CellReview,
        DeadlineKind.SubCommitteeReview => RosterTexts.Deadline_SubCommitteeReview,
        DeadlineKind.GrassrootsCommitteeReview => RosterTexts.Deadline_GrassrootsCommitteeReview,
        DeadlineKind.ReportsUp => RosterTexts.Deadline_ReportsUp,
        DeadlineKind.CadreDossiers => RosterTexts.Deadline_CadreDossiers,
        DeadlineKind.PartyBuildingReport => RosterTexts.Deadline_PartyBuildingReport,
        DeadlineKind.SummaryConference => RosterTexts.Deadline_SummaryConference,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
