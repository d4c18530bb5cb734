namespace KiemDiemBot.Core.Rules.Ballots;

/// <summary>What "more than half" is counted against.</summary>
public enum BallotBase
{
    /// <summary>The official members summoned to the meeting (the default; HD 07/2011 §16.3a).</summary>
    OfficialMembersSummoned,

    /// <summary>The official members present at the meeting.</summary>
    OfficialMembersPresent,
}
