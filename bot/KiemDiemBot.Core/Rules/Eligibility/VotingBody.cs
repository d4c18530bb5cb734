namespace KiemDiemBot.Core.Rules.Eligibility;

/// <summary>The kind of body whose members cast the ranking ballot.</summary>
public enum VotingBody
{
    /// <summary>A cell (chi bộ) votes on its members.</summary>
    Cell,

    /// <summary>A party committee (cấp ủy, ban thường vụ) votes on the subjects it decides.</summary>
    Committee,
}
