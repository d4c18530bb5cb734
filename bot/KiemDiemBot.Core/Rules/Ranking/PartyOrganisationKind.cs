namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>A party organisation ranked on what its constituents were ranked.</summary>
public enum PartyOrganisationKind
{
    /// <summary>A cell (chi bộ): its constituents are its members.</summary>
    Cell,

    /// <summary>A party committee's organisation (đảng bộ): its constituents are its subordinate organisations.</summary>
    Committee,
}
