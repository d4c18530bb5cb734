namespace KiemDiemBot.Cards;

/// <summary>
/// The form where a body's secretary or deputy schedules (or moves) its review meeting from the meeting chat: the
/// times so far (Asia/Ho_Chi_Minh), the roster to pick participants and co-chairs from (keys selected), the draft
/// report's link, the superior's approval (asked only when members of the body had review suggestions), and the
/// errors of a refused submit.
/// </summary>
public sealed record MeetingScheduleCardInput(int Year, string BodyName, IReadOnlyList<MeetingPersonChoice> Roster)
{
    public DateOnly? StartDate { get; init; }

    public TimeOnly? StartTime { get; init; }

    public DateOnly? EndDate { get; init; }

    public TimeOnly? EndTime { get; init; }

    /// <summary>The keys of the participants ticked.</summary>
    public IReadOnlyList<string> ParticipantKeys { get; init; } = [];

    /// <summary>The keys of the co-chairs ticked.</summary>
    public IReadOnlyList<string> CoChairKeys { get; init; } = [];

    public string? DraftReportUrl { get; init; }

    /// <summary>Show the "cấp trên đã duyệt dự thảo" toggle (members of the body had review suggestions).</summary>
    public bool AsksDraftApproval { get; init; }

    public bool DraftApproved { get; init; }

    /// <summary>The body already has a meeting: the form moves it.</summary>
    public bool IsMove { get; init; }

    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>A member the form offers: <paramref name="Key"/> is the choice's value (letters and digits only).</summary>
public sealed record MeetingPersonChoice(string Key, string Name, MeetingPersonNote Note = MeetingPersonNote.None);

/// <summary>What the choice says after a member's name.</summary>
public enum MeetingPersonNote
{
    None,

    /// <summary>Dự bị: attends, does not vote.</summary>
    Probationary,

    /// <summary>Miễn công tác và sinh hoạt: left out of a ballot's base.</summary>
    Exempt,
}
