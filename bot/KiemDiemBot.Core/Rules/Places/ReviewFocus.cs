namespace KiemDiemBot.Core.Rules.Places;

/// <summary>What a member's review at a place is about (seed I.A.4.2).</summary>
public enum ReviewFocus
{
    /// <summary>At the cell: carrying out a party member's duties.</summary>
    PartyMemberDuties,

    /// <summary>Where a post is held: the duties and responsibilities of that post, in depth.</summary>
    PostDuties,

    /// <summary>A further place the competent level decided.</summary>
    DecidedByCompetentLevel,
}
