using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Rules.Places;
using KiemDiemBot.Core.Rules.Ranking;

namespace KiemDiemBot.Core.Members;

/// <summary>One member's inputs to the rules for one cycle year.</summary>
/// <param name="MemberId">The member.</param>
/// <param name="Code">The roster code.</param>
/// <param name="FullName">The member's name.</param>
/// <param name="Eligibility">Who is reviewed, ranked, votes.</param>
/// <param name="Caps">The hard caps on the member's level.</param>
/// <param name="Posts">Where the member reviews.</param>
public sealed record MemberRuleFacts(
    Guid MemberId,
    string Code,
    string FullName,
    MemberFacts Eligibility,
    MemberCapFacts Caps,
    MemberPostFacts Posts);
