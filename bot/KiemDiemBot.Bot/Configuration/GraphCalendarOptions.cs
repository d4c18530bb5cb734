namespace KiemDiemBot.Bot.Configuration;

/// <summary><c>Graph:Calendar</c>: review meetings as Teams meeting events in the participants' calendars.</summary>
public sealed class GraphCalendarOptions
{
    /// <summary>
    /// The mailbox that organises the events (a user principal name or object id, e.g. the party office's
    /// shared account); empty: calendar events are off.
    /// </summary>
    public string? OrganizerUserId { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(OrganizerUserId);

    public IEnumerable<string> Validate(string section)
    {
        if (IsEnabled && OrganizerUserId!.Trim().Contains(' ', StringComparison.Ordinal))
        {
            yield return $"{section}:{nameof(OrganizerUserId)} must be a user principal name or an object id";
        }
    }
}
