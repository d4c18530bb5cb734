using System.Globalization;
using KiemDiemBot.Cards.Resources;

namespace KiemDiemBot.Cards;

/// <summary>The one-line answers and pages about files, in Vietnamese, for the dialogs and the host.</summary>
public static class FileMessages
{
    /// <summary>The member has no self-review in the open cycle of <paramref name="year"/>, and how to start one.</summary>
    public static string NoSelfReviewYet(int year) => string.Format(CultureInfo.CurrentCulture, FileTexts.NoSelfReviewYet, year);

    /// <summary>The file asked for is another member's review, and the asker is not their cell's secretary or deputy.</summary>
    public static string NotYourReview => FileTexts.NotYourReview;

    /// <summary>No review cycle is open.</summary>
    public static string NoOpenCycle => FileTexts.NoOpenCycle;

    /// <summary>Files go only to the member's personal chat, never to a group chat or channel.</summary>
    public static string PersonalChatOnly => FileTexts.PersonalChatOnly;

    /// <summary>The download page for a link whose time is up.</summary>
    public static string LinkExpired => FileTexts.LinkExpired;

    /// <summary>The download page for a link that is malformed or altered.</summary>
    public static string LinkInvalid => FileTexts.LinkInvalid;

    /// <summary>The download page for a link whose review no longer exists.</summary>
    public static string FileNotFound => FileTexts.FileNotFound;
}
