using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>A column of a roster table; its Vietnamese header and help come from RosterTexts (Column_Key, Help_Key).</summary>
internal sealed record RosterColumn(RosterTable Table, string Key, bool Required)
{
    public string Header => Text("Column_" + Key);

    public string Help => Text("Help_" + Key);

    private static string Text(string name) =>
        RosterTexts.ResourceManager.GetString(name, RosterTexts.Culture)
        ?? throw new InvalidOperationException($"RosterTexts has no '{name}'.");
}
