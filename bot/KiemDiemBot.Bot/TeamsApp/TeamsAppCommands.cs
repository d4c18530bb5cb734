using KiemDiemBot.Bot.Resources;

namespace KiemDiemBot.Bot.TeamsApp;

/// <summary>
/// The commands Teams suggests in each scope (the manifest's <c>commandLists</c>, at most 12 each): titles are
/// the words members type, descriptions say what each does. The help card lists every command; these are the
/// ones that work, and are worth suggesting, where the list shows.
/// </summary>
public static class TeamsAppCommands
{
    /// <summary>Teams' limit on one scope's command list (manifest 1.24 and later).</summary>
    public const int MaxPerScope = 12;

    /// <summary>A member's own chat with the bot: the self-review and a secretary's follow-up.</summary>
    public static IReadOnlyList<TeamsAppCommand> Personal { get; } =
    [
        new(TeamsAppTexts.Command_SelfReview_Title, TeamsAppTexts.Command_SelfReview_Description),
        new(TeamsAppTexts.Command_Review_Title, TeamsAppTexts.Command_Review_Description),
        new(TeamsAppTexts.Command_Submit_Title, TeamsAppTexts.Command_Submit_Description),
        new(TeamsAppTexts.Command_Complete_Title, TeamsAppTexts.Command_Complete_Description),
        new(TeamsAppTexts.Command_ExportSelfReview_Title, TeamsAppTexts.Command_ExportSelfReview_Description),
        new(TeamsAppTexts.Command_OpenCycle_Title, TeamsAppTexts.Command_OpenCycle_Description),
        new(TeamsAppTexts.Command_MeetingDates_Title, TeamsAppTexts.Command_MeetingDates_Description),
        new(TeamsAppTexts.Command_Progress_Title, TeamsAppTexts.Command_Progress_Description),
        new(TeamsAppTexts.Command_ReminderSchedule_Title, TeamsAppTexts.Command_ReminderSchedule_Description),
        new(TeamsAppTexts.Command_Unreachable_Title, TeamsAppTexts.Command_Unreachable_Description),
        new(TeamsAppTexts.Command_RankingList_Title, TeamsAppTexts.Command_RankingList_Description),
        new(TeamsAppTexts.Command_Help_Title, TeamsAppTexts.Command_Help_Description),
    ];

    /// <summary>A group chat, a review meeting's chat above all: the meeting, the secret ballot and its papers.</summary>
    public static IReadOnlyList<TeamsAppCommand> GroupChat { get; } = MeetingCommands();

    /// <summary>A team's channel: the same meeting work, for a cell that meets in its team.</summary>
    public static IReadOnlyList<TeamsAppCommand> Team { get; } = MeetingCommands();

    private static List<TeamsAppCommand> MeetingCommands() =>
    [
        new(TeamsAppTexts.Command_MeetingSchedule_Title, TeamsAppTexts.Command_MeetingSchedule_Description),
        new(TeamsAppTexts.Command_OpenBallot_Title, TeamsAppTexts.Command_OpenBallot_Description),
        new(TeamsAppTexts.Command_CloseBallot_Title, TeamsAppTexts.Command_CloseBallot_Description),
        new(TeamsAppTexts.Command_PaperTally_Title, TeamsAppTexts.Command_PaperTally_Description),
        new(TeamsAppTexts.Command_AdoptResults_Title, TeamsAppTexts.Command_AdoptResults_Description),
        new(TeamsAppTexts.Command_ReRank_Title, TeamsAppTexts.Command_ReRank_Description),
        new(TeamsAppTexts.Command_Minutes_Title, TeamsAppTexts.Command_Minutes_Description),
        new(TeamsAppTexts.Command_RankingList_Title, TeamsAppTexts.Command_RankingList_Description),
        new(TeamsAppTexts.Command_ReminderSchedule_Title, TeamsAppTexts.Command_ReminderSchedule_Description),
        new(TeamsAppTexts.Command_Unreachable_Title, TeamsAppTexts.Command_Unreachable_Description),
        new(TeamsAppTexts.Command_Help_Title, TeamsAppTexts.Command_Help_Description),
        new(TeamsAppTexts.Command_Progress_Title, TeamsAppTexts.Command_Progress_Description),
    ];
}

/// <summary>One suggested command: what the member types and what it does.</summary>
public sealed record TeamsAppCommand(string Title, string Description);
