using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Rules.Hd21;

/// <summary>
/// Rule set HD21-2022: Quy định 132-QĐ/TW with Hướng dẫn 21-HD/BTCTW as the seed's 2022 plan applies
/// them. Criterion grades suggest the level; sick leave caps at HTNV; new members self-review only;
/// the HTXSNV cap is counted over the grassroots organisation.
/// </summary>
public sealed class Hd21RuleSet(RuleSetSettings settings) : IRuleSet
{
    public static RuleSetSettings DefaultSettings { get; } = new(
        RuleSetCodes.Hd21Of2022,
        new EligibilitySettings(NewMemberPolicy.SelfReviewNotRanked, NewMemberMonths: 6),
        new LevelCapSettings(
            SickLeaveMonthsForCap: 3m,
            ExcellentOrganisationGoodPercent: 80,
            CollectiveMemberDisciplineThreshold: DisciplineSeverity.Warning),
        BallotSettings.Default,
        new ExcellenceCapSettings(
            Percent: 20,
            ExceptionPercent: 25,
            ExceptionAllowed: false,
            MemberScope: ExcellenceCapScope.GrassrootsOrganisation,
            CollectiveScope: ExcellenceCapScope.CollectiveCategory));

    public static Hd21RuleSet Default { get; } = new(DefaultSettings);

    public RuleSetSettings Settings { get; } = settings;

    public string DisplayName => RuleTexts.RuleSet_Hd21Of2022;

    public MemberEligibility AssessEligibility(MemberFacts member, DateOnly meetingDate, bool isPresent) =>
        MemberEligibility.Assess(member, Settings.Eligibility, meetingDate, isPresent);

    public LevelSuggestion SuggestLevel(SelfAssessment assessment) =>
        GradeLevelSuggestion.Suggest(assessment);

    public CappedLevel CapMemberLevel(RankingLevel proposed, MemberCapFacts facts) =>
        MemberLevelCaps.Apply(proposed, facts, Settings.Caps);

    public CappedLevel CapPartyOrganisationLevel(RankingLevel proposed, PartyOrganisationCapFacts facts) =>
        PartyOrganisationLevelCaps.Apply(proposed, facts, Settings.Caps);

    public CappedLevel CapCollectiveLevel(RankingLevel proposed, CollectiveCapFacts facts) =>
        CollectiveLevelCaps.Apply(proposed, facts, Settings.Caps);

    public IReadOnlyList<ReviewPlace> PlacesFor(MemberPostFacts member) => ReviewPlaces.For(member);

    public IReadOnlyList<AgendaItem> AgendaFor(MeetingFacts meeting) => MeetingAgenda.Plan(meeting);

    public QuorumCheck CheckQuorum(Attendance attendance) => QuorumRule.Check(attendance, Settings.Ballots);

    public BallotOutcome CountBallot(LevelVotes votes, Attendance attendance) =>
        BallotCounting.Count(votes, attendance, Settings.Ballots);

    public ExcellenceCapCheck CheckExcellenceCap(IReadOnlyList<CapGroupSubject> group) =>
        ExcellenceCap.Check(group, Settings.ExcellenceCap);
}
