using System.Globalization;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The line above the secretary's automatic digest (a <see cref="CellProgressCard"/> of the members with something missing).</summary>
public static class SecretaryDigestNotice
{
    public static string Text(int notSubmitted, int commentsMissing) =>
        string.Format(CultureInfo.InvariantCulture, ReminderCardTexts.DigestNotice, notSubmitted, commentsMissing);
}
