using System.Globalization;
using KiemDiemBot.Core.Resources;

namespace KiemDiemBot.Core.Roster;

/// <summary>The Vietnamese lines the roster's command-line commands print (the resources themselves stay internal to Core).</summary>
public static class RosterCommandTexts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static string ImportUsage => RosterTexts.Command_ImportUsage;

    public static string ExportTemplateUsage => RosterTexts.Command_ExportTemplateUsage;

    public static string DemoSeeded => RosterTexts.Command_DemoSeeded;

    public static string TemplateWritten(string path) => string.Format(Vietnamese, RosterTexts.Command_TemplateWritten, path);

    public static string DatabaseBehind(int pendingMigrations) => string.Format(Vietnamese, RosterTexts.Command_DatabaseBehind, pendingMigrations);
}
