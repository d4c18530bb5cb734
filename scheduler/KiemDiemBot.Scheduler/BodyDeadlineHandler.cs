using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Scheduler;

/// <summary>
/// Before one of the plan's deadlines, the body's secretary (and deputies) get what the body still lacks for it.
/// Nothing is sent when nothing is missing.
/// </summary>
public sealed class BodyDeadlineHandler(
    IReminderAudience audience,
    IReviewCycleService cycles,
    IRosterDirectory roster,
    IMemberNotices notices) : IOccasionHandler
{
    public OccasionKind Kind => OccasionKind.BodyDeadline;

    public async Task<int> StageAsync(PlannedOccasion occasion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(occasion);
        if (occasion.Deadline is not { } deadline || await cycles.FindAsync(occasion.CycleId, cancellationToken) is not { } cycle)
        {
            return 0;
        }
        var missing = await audience.MissingForDeadlineAsync(occasion.CycleId, occasion.OrganisationId, deadline, cancellationToken);
        if (missing.Count == 0)
        {
            return 0;
        }
        var secretaries = await audience.SecretariesAsync(occasion.OrganisationId, cancellationToken);
        if (secretaries.Count == 0)
        {
            return 0;
        }
        var names = await roster.FindOrganisationNamesAsync([occasion.OrganisationId], cancellationToken);
        var card = BodyDeadlineCard.Build(new BodyDeadlineCardInput(
            cycle.Year,
            names.GetValueOrDefault(occasion.OrganisationId, ""),
            Topic(deadline),
            // The occasion's target is the deadline's last day; the deadline's own date (finish before) is the next.
            occasion.TargetDate.AddDays(1),
            missing));
        var fanOut = await notices.StageToMembersAsync(secretaries, card, occasion.Key, cancellationToken);
        return fanOut.Staged;
    }

    public static BodyDeadlineTopic Topic(DeadlineKind kind) => kind switch
    {
        DeadlineKind.CellReview => BodyDeadlineTopic.CellReview,
        DeadlineKind.SubCommitteeReview => BodyDeadlineTopic.SubCommitteeReview,
        DeadlineKind.GrassrootsCommitteeReview => BodyDeadlineTopic.GrassrootsCommitteeReview,
        DeadlineKind.ReportsUp => BodyDeadlineTopic.ReportsUp,
        DeadlineKind.CadreDossiers => BodyDeadlineTopic.CadreDossiers,
        DeadlineKind.PartyBuildingReport => BodyDeadlineTopic.PartyBuildingReport,
        DeadlineKind.SummaryConference => BodyDeadlineTopic.SummaryConference,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
