namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>What the approval ballot decided for one HTXSNV candidate.</summary>
public enum ApprovalOutcome
{
    /// <summary>Among the most approved within the cap: stays HTXSNV.</summary>
    KeptExcellent,

    /// <summary>Tied at the cut: goes to a re-vote among the tied candidates.</summary>
    Revote,

    /// <summary>Outside the cap: falls to HTTNV.</summary>
    FallsToGood,
}
