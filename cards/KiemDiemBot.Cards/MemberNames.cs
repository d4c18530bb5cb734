using System.Globalization;

namespace KiemDiemBot.Cards;

/// <summary>Picks the named or the unnamed form of a sentence, depending on whether a name is known.</summary>
internal static class MemberNames
{
    public static string Format(string? memberName, string namedFormat, string unnamedText) =>
        string.IsNullOrWhiteSpace(memberName)
            ? unnamedText
            : string.Format(CultureInfo.CurrentCulture, namedFormat, memberName.Trim());
}
