using KiemDiemBot.Core.Members;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>A ChucVu row as read; a value that could not be read is null (its error is already reported).</summary>
internal sealed record PositionRow(string Sheet, int Line, string MemberCode, string BodyCode, PositionTitle? Title);
