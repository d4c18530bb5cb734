using KiemDiemBot.Core.Rules.Ballots;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Excellence;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Rules;

/// <summary>
/// The data of a rule set as chosen for one cycle: a committee overrides parts of it with
/// <c>with</c> (the quorum, the ballot base, the 25% exception).
/// </summary>
/// <param name="Code">The rule set this data belongs to, e.g. <see cref="RuleSetCodes.Hd21Of2022"/>.</param>
/// <param name="Eligibility">Who is reviewed and ranked.</param>
/// <param name="Caps">The numbers in the hard caps on levels.</param>
/// <param name="Ballots">How ranking ballots are counted.</param>
/// <param name="ExcellenceCap">The HTXSNV cap.</param>
public sealed record RuleSetSettings(
    string Code,
    EligibilitySettings Eligibility,
    LevelCapSettings Caps,
    BallotSettings Ballots,
    ExcellenceCapSettings ExcellenceCap);
