namespace KiemDiemBot.Bot.Configuration;

/// <summary>
/// <c>Graph:Roster</c>: roster sync from Microsoft 365 groups. Which group feeds which organisation is data, not
/// settings (linked with the <c>sync</c> command); these settings only switch the sync on and time the nightly run.
/// </summary>
public sealed class GraphRosterOptions
{
    /// <summary>Runs the nightly sync of every linked organisation, and lets <c>sync</c> call Graph.</summary>
    public bool Enabled { get; set; }

    /// <summary>When the nightly delta sync runs, Asia/Ho_Chi_Minh.</summary>
    public TimeSpan NightlyAt { get; set; } = new(2, 0, 0);

    public bool IsEnabled => Enabled;

    public IEnumerable<string> Validate(string section)
    {
        if (NightlyAt < TimeSpan.Zero || NightlyAt >= TimeSpan.FromDays(1))
        {
            yield return $"{section}:{nameof(NightlyAt)} must be a time of day such as 02:00:00";
        }
    }
}
