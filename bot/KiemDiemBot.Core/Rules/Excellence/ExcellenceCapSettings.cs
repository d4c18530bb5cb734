namespace KiemDiemBot.Core.Rules.Excellence;

/// <summary>
/// The excellence cap: HTXSNV count at most a percentage of the HTTNV count in a group. The seed says
/// "không vượt quá 20%", so the percentage is never rounded up: the check is 5·E ≤ G (4·E ≤ G at 25%).
/// </summary>
/// <param name="Percent">The usual percentage (20).</param>
/// <param name="ExceptionPercent">The percentage when the competent level allows the exception (25).</param>
/// <param name="ExceptionAllowed">The competent level allowed the exception for this cycle.</param>
/// <param name="MemberScope">The group the cap is counted over for members.</param>
/// <param name="CollectiveScope">The group the cap is counted over for organisations and collectives.</param>
public sealed record ExcellenceCapSettings(
    int Percent,
    int ExceptionPercent,
    bool ExceptionAllowed,
    ExcellenceCapScope MemberScope,
    ExcellenceCapScope CollectiveScope)
{
    public int EffectivePercent => ExceptionAllowed ? ExceptionPercent : Percent;
}
