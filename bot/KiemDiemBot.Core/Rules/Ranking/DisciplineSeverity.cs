namespace KiemDiemBot.Core.Rules.Ranking;

/// <summary>Party discipline, lightest first; a higher value is heavier.</summary>
public enum DisciplineSeverity
{
    /// <summary>Khiển trách.</summary>
    Reprimand = 1,

    /// <summary>Cảnh cáo.</summary>
    Warning = 2,

    /// <summary>Cách chức (for individuals) or giải tán (for organisations).</summary>
    Dismissal = 3,

    /// <summary>Khai trừ.</summary>
    Expulsion = 4,
}
