namespace KiemDiemBot.Core.Identity;

/// <summary>What a member may ask the bot to do, each checked by <see cref="MemberAuthorization"/>.</summary>
public enum MemberAction
{
    /// <summary>Open the year's review cycle for an organisation (mở đợt kiểm điểm).</summary>
    OpenCycle,

    /// <summary>Set an organisation's own dates (meeting and deadlines).</summary>
    SetMeetingDates,

    /// <summary>Schedule an organisation's review meeting (hội nghị kiểm điểm).</summary>
    ScheduleMeeting,

    /// <summary>Open a secret ballot in an organisation's meeting.</summary>
    OpenBallot,

    /// <summary>Close a secret ballot and count it.</summary>
    CloseBallot,

    /// <summary>Adopt the counted results of an organisation's meeting.</summary>
    AdoptResults,

    /// <summary>Reopen a member's submitted self-review so they can change it.</summary>
    UnlockReview,

    /// <summary>See who in an organisation has done what (tiến độ).</summary>
    ViewProgress,

    /// <summary>Read a member's self-review.</summary>
    ViewReview,

    /// <summary>Write one's own self-review (tự kiểm điểm).</summary>
    WriteSelfReview,

    /// <summary>Enter a member's self-review on their behalf (a member without Teams): the secretary or deputy of their cell only.</summary>
    EnterReviewByProxy,
}
