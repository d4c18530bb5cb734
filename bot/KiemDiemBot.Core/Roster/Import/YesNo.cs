namespace KiemDiemBot.Core.Roster.Import;

/// <summary>A yes/no column's answer.</summary>
internal enum YesNo
{
    No,
    Yes,
}
