using KiemDiemBot.Core.Text;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>
/// The words a roster may use for the values of one enumeration: each value's Vietnamese name and
/// its aliases (';'-separated in RosterTexts), matched ignoring case, diacritics and punctuation.
/// </summary>
internal sealed class RosterVocabulary<T>
    where T : struct, Enum
{
    private readonly Dictionary<string, T> byWord = new(StringComparer.Ordinal);

    public RosterVocabulary(IEnumerable<(T Value, string Name, string Aliases)> entries)
    {
        var names = new List<string>();
        foreach (var (value, name, aliases) in entries)
        {
            names.Add(name);
            byWord.TryAdd(VietnameseFolding.Fold(name), value);
            foreach (var alias in aliases.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                byWord.TryAdd(VietnameseFolding.Fold(alias), value);
            }
        }
        Choices = string.Join("; ", names);
    }

    /// <summary>The Vietnamese names, separated by semicolons, for error messages and the guide.</summary>
    public string Choices { get; }

    public bool TryMatch(string text, out T value) => byWord.TryGetValue(VietnameseFolding.Fold(text), out value);
}
