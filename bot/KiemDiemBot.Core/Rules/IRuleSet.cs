using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Rules;

/// <summary>
/// The rules of one regime (HD21-2022 first, QĐ366-2025 next), chosen per review cycle.
/// Every method is a pure function of its inputs and the rule set's settings.
/// </summary>
public interface IRuleSet
{
    /// <summary>The settings as chosen for the cycle, overrides included.</summary>
    RuleSetSettings Settings { get; }

    /// <summary>The Vietnamese name shown to secretaries, e.g. "Hướng dẫn 21-HD/BTCTW (năm 2022)".</summary>
    string DisplayName { get; }

    /// <summary>Who is reviewed, ranked, votes, carried over, and which comments are expected.</summary>
    MemberEligibility AssessEligibility(MemberFacts member, DateOnly meetingDate, bool isPresent);

    /// <summary>The level the self-review points to, with the reason.</summary>
    LevelSuggestion SuggestLevel(SelfAssessment assessment);

    /// <summary>A member's proposed level after the hard caps.</summary>
    CappedLevel CapMemberLevel(RankingLevel proposed, MemberCapFacts facts);

    /// <summary>A cell's or đảng bộ's proposed level after the hard caps.</summary>
    CappedLevel CapPartyOrganisationLevel(RankingLevel proposed, PartyOrganisationCapFacts facts);

    /// <summary>A leadership collective's proposed level after the hard caps.</summary>
    CappedLevel CapCollectiveLevel(RankingLevel proposed, CollectiveCapFacts facts);

    /// <summary>The ordered bodies before which a member reviews.</summary>
    IReadOnlyList<ReviewPlace> PlacesFor(MemberPostFacts member);

    /// <summary>The ordered reviews of a meeting, each with its chairs.</summary>
    IReadOnlyList<AgendaItem> AgendaFor(MeetingFacts meeting);

    /// <summary>Whether a ballot may open without the secretary confirming a warning.</summary>
    QuorumCheck CheckQuorum(Attendance attendance);

    /// <summary>The level one subject's ballot adopts, or none (re-vote).</summary>
    BallotOutcome CountBallot(LevelVotes votes, Attendance attendance);

    /// <summary>Whether a cap group keeps the HTXSNV cap, and the candidates when it does not.</summary>
    ExcellenceCapCheck CheckExcellenceCap(IReadOnlyList<CapGroupSubject> group);
}
