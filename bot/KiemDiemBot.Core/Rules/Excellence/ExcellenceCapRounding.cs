namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>How the cap's percentage of the HTTNV count is turned into a whole number.</summary>
public enum ExcellenceCapRounding
{
    /// <summary>Round down (the default): the count never goes over the percentage.</summary>
    Floor,

    /// <summary>Round half up, as some local committees do.</summary>
    HalfUp,
}
