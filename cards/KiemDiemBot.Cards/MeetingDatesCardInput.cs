namespace KiemDiemBot.Cards;

/// <summary>
/// The form where a grassroots secretary sets the review meeting of each body of their organisation: the
/// organisation itself and the bodies under it, each with its date and time so far (stored, or typed before a
/// refused submit), the deadline it must meet before (when it has one), and the errors of that submit.
/// </summary>
public sealed record MeetingDatesCardInput(int Year, string OrganisationName, IReadOnlyList<MeetingDateField> Bodies)
{
    public IReadOnlyList<string> Errors { get; init; } = [];
}

/// <summary>
/// One body's meeting: <paramref name="Key"/> names its inputs (letters and digits only), <paramref name="Name"/>
/// is shown, <paramref name="DueBefore"/> is the deadline of its reviews.
/// </summary>
public sealed record MeetingDateField(string Key, string Name, DateOnly? Date, TimeOnly? Time, DateOnly? DueBefore);
