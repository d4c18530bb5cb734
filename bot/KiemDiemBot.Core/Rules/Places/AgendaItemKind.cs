namespace KiemDiemBot.Core.Rules.Places;

/// <summary>Whether an agenda item reviews the collective or one member.</summary>
public enum AgendaItemKind
{
    /// <summary>Kiểm điểm tập thể.</summary>
    Collective,

    /// <summary>Kiểm điểm cá nhân.</summary>
    Individual,
}
