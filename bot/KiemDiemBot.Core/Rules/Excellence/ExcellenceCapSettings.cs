namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>The excellence cap: HTXSNV count at most a percentage of the HTTNV count in a group.</summary>
/// <param name="Percent">The usual percentage (20).</param>
/// <param name="ExceptionPercent">The percentage when the competent level allows the exception (25).</param>
/// <param name="ExceptionAllowed">The competent level allowed the exception for this cycle.</param>
/// <param name="Rounding">How the percentage becomes a whole number.</param>
/// <param name="MemberScope">The group the cap is counted over for members.</param>
/// <param name="CollectiveScope">The group the cap is counted over for organisations and collectives.</param>
public sealed record ExcellenceCapSettings(
    int Percent,
    int ExceptionPercent,
    bool ExceptionAllowed,
    ExcellenceCapRounding Rounding,
    ExcellenceCapScope MemberScope,
    ExcellenceCapScope CollectiveScope)
{
    public int EffectivePercent => ExceptionAllowed ? ExceptionPercent : Percent;
}
