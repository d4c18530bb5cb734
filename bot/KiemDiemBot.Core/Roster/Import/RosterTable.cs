namespace KiemDiemBot.Core.Roster.Import;

/// <summary>The three tables of a roster.</summary>
internal enum RosterTable
{
    /// <summary>ToChuc: organisations and leadership collectives.</summary>
    Organisations,

    /// <summary>DangVien: members.</summary>
    Members,

    /// <summary>ChucVu: members' posts.</summary>
    Positions,
}
