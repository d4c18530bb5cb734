using System.Globalization;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Dialogs.Secretary;

/// <summary>
/// Reads what a card submit carries. Channels send input values as text (Teams and Web Chat do), but a button's
/// data keeps the JSON type it was written with; both are read. Dates as yyyy-MM-dd, times as HH:mm.
/// </summary>
internal static class CardValues
{
    public static string? Text(JsonObject? values, string key) => values?[key] switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonValue value when value.TryGetValue<long>(out var number) => number.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<double>(out var real) => real.ToString(CultureInfo.InvariantCulture),
        JsonValue value when value.TryGetValue<bool>(out var flag) => flag ? "true" : "false",
        _ => null,
    };

    public static int? Int(JsonObject? values, string key) =>
        int.TryParse(Text(values, key)?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : null;

    public static Guid? Id(JsonObject? values, string key) =>
        Guid.TryParse(Text(values, key), out var id) ? id : null;

    public static bool? Flag(JsonObject? values, string key) =>
        bool.TryParse(Text(values, key), out var flag) ? flag : null;

    /// <summary>The date typed, or null when empty; <paramref name="valid"/> is false for text that is not a date.</summary>
    public static DateOnly? Date(string? text, out bool valid)
    {
        valid = true;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        // Some renderers append a time to a date input's value.
        var day = value.Length > 10 && value[10] == 'T' ? value[..10] : value;
        if (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        valid = false;
        return null;
    }

    /// <summary>The time typed, or null when empty; <paramref name="valid"/> is false for text that is not a time.</summary>
    public static TimeOnly? Time(string? text, out bool valid)
    {
        valid = true;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }
        if (TimeOnly.TryParseExact(value, ["HH:mm", "H:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        valid = false;
        return null;
    }

    public static string FormatDate(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string FormatTime(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
