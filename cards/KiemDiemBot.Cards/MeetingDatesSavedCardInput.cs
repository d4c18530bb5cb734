namespace KiemDiemBot.Cards;

/// <summary>What the secretary is shown once meeting dates are saved: each body's meeting, and every warning.</summary>
public sealed record MeetingDatesSavedCardInput(
    int Year,
    string OrganisationName,
    IReadOnlyList<SavedMeeting> Meetings,
    IReadOnlyList<string> Warnings);

/// <summary>A body's meeting as saved (null date: not set yet); <paramref name="Changed"/> when this submit set or moved it.</summary>
public sealed record SavedMeeting(string Name, DateOnly? Date, TimeOnly? Time, bool Changed);
