using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Cards.Tests.Dialogs;

/// <summary>Builds the turns a dialog sees, as the router would hand them over.</summary>
internal static class Turns
{
    public static DialogTurn Personal(string? text, string? userName = CardCatalog.MemberName) =>
        new("msteams", "a:1personal", IsGroup: false, "29:1member", userName, text, Value: null);

    public static DialogTurn Group(string? text, string? userName = CardCatalog.MemberName) =>
        new("msteams", "19:group@thread.v2", IsGroup: true, "29:1member", userName, text, Value: null);
}
