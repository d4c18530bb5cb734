using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace KiemDiemBot.Core.Exports;

/// <summary>Text styles a run can combine.</summary>
[Flags]
internal enum WordStyle
{
    None = 0,
    Bold = 1,
    Italic = 2,
    Underline = 4,
}

/// <summary>
/// The building blocks of the .docx exports (the self-review's Mẫu 02 and the minutes): A4 with the margins of Vietnamese
/// administrative documents, Times New Roman 14 pt, paragraphs, runs and bordered tables. Pure: no I/O.
/// </summary>
internal static class WordParts
{
    public const string Font = "Times New Roman";
    public const string BodySize = "28";
    public const string HeaderSize = "26";
    public const string TableSize = "24";
    public const string TitleSize = "30";

    // Twentieths of a point: A4, margins 2 / 2 / 3 / 2 cm.
    public const int PageWidth = 11906;
    public const int PageHeight = 16838;
    public const int MarginTop = 1134;
    public const int MarginBottom = 1134;
    public const int MarginLeft = 1701;
    public const int MarginRight = 1134;
    public const int TextWidth = PageWidth - MarginLeft - MarginRight;
    public const int FirstLineIndent = 567;

    public static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    public static Paragraph Line(string text, JustificationValues alignment, WordStyle style, string? size = null)
    {
        var properties = new ParagraphProperties { Justification = new Justification { Val = alignment } };
        var paragraph = new Paragraph(properties);
        if (text.Length > 0)
        {
            paragraph.Append(Run(text, style, size));
        }
        return paragraph;
    }

    /// <summary>A body paragraph: justified, first line indented.</summary>
    public static Paragraph Body(string text, WordStyle style = WordStyle.None)
    {
        var paragraph = Line(text, JustificationValues.Both, style);
        paragraph.ParagraphProperties!.Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) };
        return paragraph;
    }

    /// <summary>A body paragraph whose label is bold and the rest plain, e.g. "Vắng mặt: ...".</summary>
    public static Paragraph Labelled(string label, string text)
    {
        var paragraph = Body(string.Empty);
        paragraph.Append(Run(label, WordStyle.Bold), Run(text, WordStyle.None));
        return paragraph;
    }

    public static Paragraph Heading(string text)
    {
        var paragraph = Line(text, JustificationValues.Both, WordStyle.Bold);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
        return paragraph;
    }

    public static Run Run(string text, WordStyle style, string? size = null)
    {
        var run = new Run();
        if (style != WordStyle.None || size is not null)
        {
            var properties = new RunProperties();
            if (style.HasFlag(WordStyle.Bold))
            {
                properties.Bold = new Bold();
            }
            if (style.HasFlag(WordStyle.Italic))
            {
                properties.Italic = new Italic();
            }
            if (size is not null)
            {
                properties.FontSize = new FontSize { Val = size };
                properties.FontSizeComplexScript = new FontSizeComplexScript { Val = size };
            }
            if (style.HasFlag(WordStyle.Underline))
            {
                properties.Underline = new Underline { Val = UnderlineValues.Single };
            }
            run.RunProperties = properties;
        }
        run.Append(new WordText(Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    /// <summary>A table without borders (the header and the signatures), columns of the given widths.</summary>
    public static Table Layout(IReadOnlyList<int> widths, params TableCell[] cells) => Grid(widths, bordered: false, [new TableRow(cells)]);

    /// <summary>A bordered table of small text: a bold header row, then the rows; numbers centred.</summary>
    public static Table Bordered(IReadOnlyList<int> widths, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<TableRow> { Row(widths, header, WordStyle.Bold, repeat: true) };
        all.AddRange(rows.Select(row => Row(widths, row, WordStyle.None, repeat: false)));
        return Grid(widths, bordered: true, all);
    }

    public static TableCell Cell(int width, params Paragraph[] paragraphs)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = Twips(width), Type = TableWidthUnitValues.Dxa }));
        cell.Append(paragraphs.Length == 0 ? [new Paragraph()] : paragraphs);
        return cell;
    }

    public static Styles DefaultStyles()
    {
        var runDefaults = new RunPropertiesBaseStyle(
            new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font },
            new FontSize { Val = BodySize },
            new FontSizeComplexScript { Val = BodySize },
            new Languages { Val = Vietnamese.Name });
        var paragraphDefaults = new ParagraphPropertiesBaseStyle(
            new SpacingBetweenLines { After = "60", Line = "276", LineRule = LineSpacingRuleValues.Auto });
        return new Styles(new DocDefaults(new RunPropertiesDefault(runDefaults), new ParagraphPropertiesDefault(paragraphDefaults)));
    }

    public static SectionProperties PageSetup() => new(
        new PageSize { Width = (uint)PageWidth, Height = (uint)PageHeight },
        new PageMargin
        {
            Top = MarginTop,
            Bottom = MarginBottom,
            Left = (uint)MarginLeft,
            Right = (uint)MarginRight,
            Header = 567U,
            Footer = 567U,
            Gutter = 0U,
        });

    public static string Twips(int twips) => twips.ToString(CultureInfo.InvariantCulture);

    public static string Format(string format, params object[] arguments) => string.Format(Vietnamese, format, arguments);

    /// <summary>Days under 10 and the months January and February take a leading zero, as official documents write them.</summary>
    public static string Day(int day) => day.ToString(day < 10 ? "00" : "0", CultureInfo.InvariantCulture);

    public static string Month(int month) => month.ToString(month < 3 ? "00" : "0", CultureInfo.InvariantCulture);

    /// <summary>The text without what XML cannot carry (control characters, lone surrogates); tabs and line breaks become spaces.</summary>
    public static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = (c >= ' ' && c < '\uD800')
                || (c >= '\uE000' && c <= '\uFFFD')
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (keep && builder is null)
            {
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            if (keep)
            {
                builder.Append(c);
            }
            else if (c is '\t' or '\n' or '\r')
            {
                builder.Append(' ');
            }
        }
        return builder?.ToString() ?? text;
    }

    private static TableRow Row(IReadOnlyList<int> widths, IReadOnlyList<string> texts, WordStyle style, bool repeat)
    {
        var row = new TableRow();
        if (repeat)
        {
            row.Append(new TableRowProperties(new TableHeader(), new CantSplit()));
        }
        else
        {
            row.Append(new TableRowProperties(new CantSplit()));
        }
        for (var i = 0; i < widths.Count; i++)
        {
            var text = i < texts.Count ? texts[i] : string.Empty;
            // The name column (the second, after STT) reads left; numbers and levels are centred.
            var alignment = i == 1 && !repeat ? JustificationValues.Left : JustificationValues.Center;
            var paragraph = Line(text, alignment, style, TableSize);
            paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "0" };
            row.Append(Cell(widths[i], paragraph));
        }
        return row;
    }

    private static Table Grid(IReadOnlyList<int> widths, bool bordered, IEnumerable<TableRow> rows)
    {
        var value = bordered ? BorderValues.Single : BorderValues.None;
        var size = bordered ? 4U : 0U;
        var borders = new TableBorders(
            new TopBorder { Val = value, Size = size },
            new LeftBorder { Val = value, Size = size },
            new BottomBorder { Val = value, Size = size },
            new RightBorder { Val = value, Size = size },
            new InsideHorizontalBorder { Val = value, Size = size },
            new InsideVerticalBorder { Val = value, Size = size });
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = Twips(widths.Sum()), Type = TableWidthUnitValues.Dxa },
            TableBorders = borders,
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
        };
        var grid = new TableGrid();
        foreach (var width in widths)
        {
            grid.Append(new GridColumn { Width = Twips(width) });
        }
        var table = new Table(properties, grid);
        table.Append(rows);
        return table;
    }
}
