using System.Globalization;

namespace KiemDiemBot.Core.Roster;

/// <summary>One reason a roster cannot be imported, at a sheet's line (line 0: the whole sheet or file).</summary>
/// <param name="Sheet">The sheet's name, or the CSV file's name.</param>
/// <param name="Line">The line in the sheet or file, 1 being the header; 0 when the error is about the whole sheet or file.</param>
/// <param name="Reason">What is wrong, in Vietnamese.</param>
public sealed record RosterError(string Sheet, int Line, string Reason)
{
    /// <summary>"DangVien:7: Email «x» không hợp lệ." or, for a whole sheet, "DangVien: Thiếu cột «Mã»."</summary>
    public override string ToString() => Line > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{Sheet}:{Line}: {Reason}")
        : $"{Sheet}: {Reason}";
}
