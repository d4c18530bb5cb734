using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Conversation ids of the local channel. They are derived from the user's e-mail or the group's name,
/// so a person finds the same conversation after a restart, and they are hashes, so a log line that
/// names a conversation names no person.
/// </summary>
public static class LocalConversationIds
{
    private const string PersonalPrefix = "p-";
    private const string GroupPrefix = "g-";
    private const int HashLength = 64;
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdef");

    /// <summary>The personal (1:1) conversation of the user with this e-mail, case-insensitive.</summary>
    public static string Personal(string email) => PersonalPrefix + Hash("personal:" + Canonical(email));

    /// <summary>The shared group conversation of this name, case-insensitive.</summary>
    public static string Group(string name) => GroupPrefix + Hash("group:" + Canonical(name));

    /// <summary>True when the id has the shape of an id this channel hands out.</summary>
    public static bool IsWellFormed(string id) =>
        id.Length == PersonalPrefix.Length + HashLength
        && (id.StartsWith(PersonalPrefix, StringComparison.Ordinal) || id.StartsWith(GroupPrefix, StringComparison.Ordinal))
        && !id.AsSpan(PersonalPrefix.Length).ContainsAnyExcept(HexDigits);

    /// <summary>True for ids of group conversations.</summary>
    public static bool IsGroup(string id) => id.StartsWith(GroupPrefix, StringComparison.Ordinal);

    private static string Canonical(string value) =>
        value.Trim().Normalize(NormalizationForm.FormC).ToLower(CultureInfo.InvariantCulture);

    private static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
