using System.Text.Json.Nodes;

namespace KiemDiemBot.Cards.Tests;

/// <summary>Every card the bot can send, in each of its variants.</summary>
internal static class CardCatalog
{
    public const string MemberName = "Nguyễn Thị Minh Khai";

    public const string RosterContact = "Văn phòng Đảng ủy, vpdu@stp.gov.vn";

    public static IReadOnlyList<(string Name, JsonObject Card)> All() =>
    [
        ("welcome-named", WelcomeCard.Build(new WelcomeCardInput(MemberName))),
        ("welcome-unnamed", WelcomeCard.Build(new WelcomeCardInput(null))),
        ("welcome-blank-name", WelcomeCard.Build(new WelcomeCardInput("   "))),
        ("help-personal", HelpCard.Build(new HelpCardInput(InGroupConversation: false))),
        ("help-group", HelpCard.Build(new HelpCardInput(InGroupConversation: true))),
        ("not-understood-named", NotUnderstoodCard.Build(new NotUnderstoodCardInput(MemberName))),
        ("not-understood-unnamed", NotUnderstoodCard.Build(new NotUnderstoodCardInput(null))),
        ("turn-failed", TurnFailedCard.Build()),
        ("not-on-roster-named-with-contact", NotOnRosterCard.Build(new NotOnRosterCardInput(MemberName, RosterContact))),
        ("not-on-roster-unnamed-without-contact", NotOnRosterCard.Build(new NotOnRosterCardInput(null, null))),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var (name, _) in All())
        {
            data.Add(name);
        }
        return data;
    }

    public static JsonObject Get(string name) => All().Single(entry => entry.Name == name).Card;
}
