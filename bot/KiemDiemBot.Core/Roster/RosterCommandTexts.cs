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

    public static string ImportPathNotFound(string path) => string.Format(Vietnamese, RosterTexts.Command_ImportPathNotFound, path);

    public static string UnknownCommand(string typed) => string.Format(Vietnamese, RosterTexts.Command_UnknownCommand, typed);

    /// <summary>What <c>help</c> prints: how to call the host, every command with what it does, the exit codes.</summary>
    public static IReadOnlyList<string> Help =>
    [
        RosterTexts.Command_Help_Intro,
        string.Empty,
        RosterTexts.Command_Help_Commands,
        RosterTexts.Command_Help_Run,
        RosterTexts.Command_Help_Migrate,
        RosterTexts.Command_Help_Import,
        RosterTexts.Command_Help_ExportTemplate,
        RosterTexts.Command_Help_SeedDemo,
        Cycles.CycleCommandTexts.Help,
        Cycles.CycleCommandTexts.HelpReminders,
        DirectorySync.RosterSyncCommandTexts.HelpLink,
        DirectorySync.RosterSyncCommandTexts.HelpSync,
        RosterTexts.Command_Help_Help,
        string.Empty,
        RosterTexts.Command_Help_ExitCodes,
    ];
}
