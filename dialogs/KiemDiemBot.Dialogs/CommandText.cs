using KiemDiemBot.Core.Text;

namespace KiemDiemBot.Dialogs;

/// <summary>The form commands are matched in: "Trợ giúp!" and "tro giup" are the same command.</summary>
public static class CommandText
{
    public static string Normalize(string? text) => VietnameseFolding.Fold(text);
}
