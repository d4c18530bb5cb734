using System.Globalization;

namespace KiemDiemBot.Scheduler;

/// <summary>The <c>Scheduler</c> section: the demo clock. (The jobs dashboard is served behind operator sign-in: the <c>Operators</c> section.)</summary>
public sealed class SchedulerOptions
{
    public const string SectionName = "Scheduler";

    /// <summary>The formats <see cref="Now"/> accepts: with an offset, or without one in Asia/Ho_Chi_Minh.</summary>
    private static readonly string[] NowFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK",
    ];

    /// <summary>
    /// The demo clock: the instant the bot believes it is when it starts, from which its clock runs on (e.g.
    /// <c>2026-11-23T07:55</c>, read in Asia/Ho_Chi_Minh, or with an offset: <c>2026-11-23T07:55+07:00</c>).
    /// Every reminder, deadline and meeting decision reads this clock, so a demo shows weeks-away occasions now.
    /// Refused in the Production environment: a production bot runs on the real time.
    /// </summary>
    public string? Now { get; set; }

    /// <summary>The parsed <see cref="Now"/>; null when unset or malformed (<see cref="Validate"/> reports it).</summary>
    public DateTimeOffset? DemoStart => TryParseNow(Now, out var start) ? start : null;

    /// <summary>Every problem with the section, each naming its key; <paramref name="isProduction"/> refuses the demo clock.</summary>
    public IEnumerable<string> Validate(bool isProduction)
    {
        if (string.IsNullOrWhiteSpace(Now))
        {
            yield break;
        }
        if (!TryParseNow(Now, out _))
        {
            yield return $"{SectionName}:{nameof(Now)} must be a date and time such as 2026-11-23T07:55 (Asia/Ho_Chi_Minh) or 2026-11-23T07:55+07:00";
        }
        else if (isProduction)
        {
            yield return $"{SectionName}:{nameof(Now)} sets a demo clock, which the Production environment refuses: remove it, or run with ASPNETCORE_ENVIRONMENT=Development";
        }
    }

    private static bool TryParseNow(string? value, out DateTimeOffset start)
    {
        start = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }
        var text = value.Trim();
        if (DateTime.TryParseExact(text, NowFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) && parsed.Kind == DateTimeKind.Unspecified)
        {
            start = new DateTimeOffset(parsed, VietnamTime.Zone.GetUtcOffset(parsed));
            return true;
        }
        return DateTimeOffset.TryParseExact(text, NowFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
    }
}
