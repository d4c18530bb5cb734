using System.Globalization;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Roster.Files;

namespace KiemDiemBot.Core.Roster.Import;

/// <summary>Reads one row's cells by column, reporting each unreadable value against the row's line.</summary>
internal sealed class RosterRowReader(ParsedRoster parsed, string sheet, IReadOnlyDictionary<RosterColumn, int> columns, DateOnly today)
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public RosterRow Row { get; set; } = new(0, []);

    /// <summary>Today in Vietnam: no date in a roster may be later.</summary>
    public DateOnly Today => today;

    public string Text(RosterColumn column) =>
        columns.TryGetValue(column, out var index) ? Row.Cell(index).Trim() : string.Empty;

    /// <summary>The value, or null (with an error) when a required column is empty.</summary>
    public string? Required(RosterColumn column)
    {
        var text = Text(column);
        if (text.Length > 0)
        {
            return text;
        }
        Error(RosterTexts.Error_Required, column.Header);
        return null;
    }

    public string? Optional(RosterColumn column) => Text(column) is { Length: > 0 } text ? text : null;

    /// <summary>A date no later than today; null when empty (and, when required, with an error) or unreadable.</summary>
    public DateOnly? Date(RosterColumn column)
    {
        var text = column.Required ? Required(column) : Optional(column);
        if (text is null)
        {
            return null;
        }
        if (!RosterValues.TryParseDate(text, out var date))
        {
            Error(RosterTexts.Error_BadDate, column.Header, text);
            return null;
        }
        if (date > today)
        {
            Error(RosterTexts.Error_FutureDate, column.Header, RosterValues.Format(date));
            return null;
        }
        return date;
    }

    /// <summary>A value of the vocabulary; null when empty (and, when required, with an error) or unknown (with <paramref name="unknownError"/>).</summary>
    public T? Word<T>(RosterColumn column, RosterVocabulary<T> words, string unknownError)
        where T : struct, Enum
    {
        var text = column.Required ? Required(column) : Optional(column);
        if (text is null)
        {
            return null;
        }
        if (words.TryMatch(text, out var value))
        {
            return value;
        }
        Error(unknownError, text, words.Choices);
        return null;
    }

    /// <summary>Có or Không; empty means Không.</summary>
    public bool? Answer(RosterColumn column)
    {
        var text = Text(column);
        if (text.Length == 0)
        {
            return false;
        }
        if (RosterWords.Answers.TryMatch(text, out var answer))
        {
            return answer == YesNo.Yes;
        }
        Error(RosterTexts.Error_BadYesNo, column.Header, text);
        return null;
    }

    public void Error(string format, params object[] arguments) =>
        parsed.AddError(sheet, Row.Line, string.Format(Vietnamese, format, arguments));
}
