namespace KiemDiemBot.Core.Rules;

/// <summary>The codes a review cycle stores to name its rule set.</summary>
public static class RuleSetCodes
{
    /// <summary>Quy định 132-QĐ/TW with Hướng dẫn 21-HD/BTCTW, as applied in 2022 (the seed's plan).</summary>
    public const string Hd21Of2022 = "HD21-2022";
}
