using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>A .docx opened with DocumentFormat.OpenXml, its paragraphs read as a person would: tabs as tabs.</summary>
internal sealed class DocxContent : IDisposable
{
    private static readonly string[] RomanNumerals = ["I", "II", "III", "IV", "V", "VI", "VII"];

    private readonly MemoryStream stream;

    public DocxContent(byte[] bytes)
    {
        stream = new MemoryStream(bytes, writable: false);
        Document = WordprocessingDocument.Open(stream, isEditable: false);
        Body = Document.MainDocumentPart!.Document!.Body!;
        Paragraphs = [.. Body.Descendants<Paragraph>()];
        Lines = [.. Paragraphs.Select(TextOf)];
    }

    public WordprocessingDocument Document { get; }

    public Body Body { get; }

    /// <summary>Every paragraph in reading order, those of the header table first.</summary>
    public IReadOnlyList<Paragraph> Paragraphs { get; }

    /// <summary>The text of each paragraph in <see cref="Paragraphs"/>.</summary>
    public IReadOnlyList<string> Lines { get; }

    public static DocxContent Of(SelfReviewView review, string? place = "Hà Nội", DateOnly? date = null) =>
        new(SelfReviewDocument.Render(new SelfReviewDocumentInput(review, place, date ?? new DateOnly(2022, 11, 20))));

    /// <summary>The section headings present, by numeral ("I", "II", ...), in document order.</summary>
    public IReadOnlyList<string> SectionNumerals() =>
        [.. Lines.Select(SectionNumeral).OfType<string>()];

    /// <summary>The lines after the heading of section <paramref name="numeral"/> up to the next section or block heading.</summary>
    public IReadOnlyList<string> Section(string numeral)
    {
        var start = IndexOfSection(numeral);
        var lines = new List<string>();
        for (var i = start + 1; i < Lines.Count && SectionNumeral(Lines[i]) is null && !IsBlockHeading(i); i++)
        {
            lines.Add(Lines[i]);
        }
        return lines;
    }

    /// <summary>The lines after the first line starting with <paramref name="heading"/> up to the next numbered item or heading.</summary>
    public IReadOnlyList<string> Item(IReadOnlyList<string> section, string heading)
    {
        var start = section.ToList().FindIndex(line => line.StartsWith(heading, StringComparison.Ordinal));
        Assert.True(start >= 0, $"No item '{heading}' in the section.");
        var lines = new List<string>();
        for (var i = start + 1; i < section.Count && !StartsWithNumber(section[i]); i++)
        {
            lines.Add(section[i]);
        }
        return lines;
    }

    public int IndexOfSection(string numeral)
    {
        var index = Lines.ToList().FindIndex(line => SectionNumeral(line) == numeral);
        Assert.True(index >= 0, $"No section {numeral}.");
        return index;
    }

    /// <summary>The options of a tick-box line ("Xuất sắc ☒", "Tốt ☐", ...): each label with whether its box is ticked.</summary>
    public static IReadOnlyList<(string Label, bool Ticked)> Boxes(string line)
    {
        var options = new List<(string, bool)>();
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] is SelfReviewDocument.EmptyBox or SelfReviewDocument.TickedBox)
            {
                options.Add((line[start..i].Trim(), line[i] == SelfReviewDocument.TickedBox));
                start = i + 1;
            }
        }
        return options;
    }

    public static bool HasBox(string line) =>
        line.Contains(SelfReviewDocument.EmptyBox, StringComparison.Ordinal) || line.Contains(SelfReviewDocument.TickedBox, StringComparison.Ordinal);

    public IReadOnlyList<ValidationErrorInfo> Validate() => [.. new OpenXmlValidator().Validate(Document)];

    public void Dispose()
    {
        Document.Dispose();
        stream.Dispose();
    }

    private bool IsBlockHeading(int index) =>
        Paragraphs[index].Descendants<Bold>().Any() && Lines[index].Length > 0 && Lines[index] == Lines[index].ToUpperInvariant()
        && !StartsWithNumber(Lines[index]);

    private static string? SectionNumeral(string line)
    {
        var dot = line.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && RomanNumerals.Contains(line[..dot]) ? line[..dot] : null;
    }

    private static bool StartsWithNumber(string line) => line.Length > 1 && char.IsAsciiDigit(line[0]) && line.Contains(". ", StringComparison.Ordinal)
        && line.IndexOf(". ", StringComparison.Ordinal) <= 2;

    private static string TextOf(Paragraph paragraph)
    {
        var text = new StringBuilder();
        foreach (var element in paragraph.Descendants())
        {
            switch (element)
            {
                case DocumentFormat.OpenXml.Wordprocessing.Text t:
                    text.Append(t.Text);
                    break;
                case TabChar:
                    text.Append('\t');
                    break;
                case Break:
                    text.Append('\n');
                    break;
            }
        }
        return text.ToString();
    }
}
