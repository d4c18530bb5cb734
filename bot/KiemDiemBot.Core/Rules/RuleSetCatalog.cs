using System.Diagnostics.CodeAnalysis;
using KiemDiemBot.Core.Rules.Hd21;

namespace KiemDiemBot.Core.Rules;

/// <summary>The rule sets the bot knows, by the code a cycle stores.</summary>
public static class RuleSetCatalog
{
    public static IReadOnlyList<string> Codes { get; } = [RuleSetCodes.Hd21Of2022];

    /// <summary>The rule set with its default settings.</summary>
    public static bool TryGet(string code, [NotNullWhen(true)] out IRuleSet? ruleSet)
    {
        ruleSet = code switch
        {
            RuleSetCodes.Hd21Of2022 => Hd21RuleSet.Default,
            _ => null,
        };
        return ruleSet is not null;
    }

    /// <summary>The rule set with a cycle's settings (the defaults with the committee's overrides).</summary>
    public static bool TryCreate(RuleSetSettings settings, [NotNullWhen(true)] out IRuleSet? ruleSet)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ruleSet = settings.Code switch
        {
            RuleSetCodes.Hd21Of2022 => new Hd21RuleSet(settings),
            _ => null,
        };
        return ruleSet is not null;
    }
}
