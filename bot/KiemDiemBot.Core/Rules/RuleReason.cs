using System.Globalization;

namespace KiemDiemBot.Core.Rules;

/// <summary>
/// Why a rule decided what it did: a stable code for lists and statistics, and the Vietnamese
/// sentence the member or secretary reads.
/// </summary>
public sealed record RuleReason(RuleReasonCode Code, string Text)
{
    /// <summary>Dates and numbers in reasons are written the Vietnamese way (dd/MM/yyyy).</summary>
    public static CultureInfo TextCulture { get; } = CultureInfo.GetCultureInfo("vi-VN");

    public static RuleReason Of(RuleReasonCode code, string text) => new(code, text);

    public static RuleReason Of(RuleReasonCode code, string format, params object[] arguments) =>
        new(code, string.Format(TextCulture, format, arguments));
}
