using KiemDiemBot.Cards;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>
/// A secretary or deputy secretary enters the self-review of a member of their cell on the member's behalf (a
/// member without Teams): the same flow as <see cref="SelfReviewFlow"/>, started only by the progress card's
/// button (<see cref="CardVerbs.EnterSelfReviewByProxy"/> with <see cref="CardDataKeys.MemberId"/>), kept apart from
/// the secretary's own review, its saves made with the secretary as actor (so the review is marked as entered by
/// proxy) and every card saying whose review it is.
/// </summary>
public sealed class SelfReviewProxyFlow(
    ISelfReviewService reviews,
    IReviewCycleService cycles,
    IMemberAuthorizer authorizer,
    IMemberFactsSource memberFacts,
    IRosterDirectory roster,
    TimeProvider clock,
    ILogger<SelfReviewFlow> logger)
    : SelfReviewFlow(reviews, cycles, authorizer, memberFacts, roster, clock, logger)
{
    public const string ProxyFlowName = "self-review-proxy";

    public override string Name => ProxyFlowName;

    public override IReadOnlyCollection<string> StartCommands => [];

    public override IReadOnlyCollection<string> StartVerbs => [CardVerbs.EnterSelfReviewByProxy];

    protected override bool IsProxyEntry => true;
}
