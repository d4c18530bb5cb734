using System.Globalization;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster;

/// <summary>A party cell (chi bộ) as a picker shows it.</summary>
/// <param name="Id">The cell.</param>
/// <param name="Code">The roster code.</param>
/// <param name="Name">The cell's name, e.g. "Chi bộ Văn phòng Sở".</param>
public sealed record RosterCell(Guid Id, string Code, string Name)
{
    /// <summary>The name of the cell's review-meeting chat, e.g. "Chi bộ Văn phòng Sở – họp kiểm điểm".</summary>
    public string MeetingChatName => string.Format(CultureInfo.GetCultureInfo("vi-VN"), RosterTexts.Cell_MeetingChatName, Name);
}
