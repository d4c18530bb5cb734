using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Text;
using static KiemDiemBot.Core.Exports.WordParts;
using WordText = DocumentFormat.OpenXml.Wordprocessing.Text;

namespace KiemDiemBot.Core.Exports;

/// <summary>
/// What a self-review .docx shows: the review as saved (its cell, superior organisation and proxy entry fill
/// the header and the signature) and the facts the review does not hold.
/// </summary>
/// <param name="Place">The place name before the date (địa danh); null or blank leaves a gap to fill by hand.</param>
/// <param name="Date">The date under the party name, as people in Vietnam read it.</param>
public sealed record SelfReviewDocumentInput(SelfReviewView Review, string? Place, DateOnly Date);

/// <summary>
/// Renders a self-review as a .docx in the layout of the 2022 Mẫu 02 (Mẫu 02-HD KĐ.ĐG): party header, place
/// and date, title with the year, identity block, sections I to VII as far as they apply to the member with
/// every self-grade ticked, the accepted conclusions, the signature, a proxy-entry line, and the empty blocks
/// the cell committee and the committee above fill in. A4, Times New Roman 13/14 pt. Pure: no I/O, no clock.
/// </summary>
public static class SelfReviewDocument
{
    /// <summary>The media type of a .docx.</summary>
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    /// <summary>An empty tick-box.</summary>
    public const char EmptyBox = '\u2610';

    /// <summary>A ticked box (☒), the member's choice.</summary>
    public const char TickedBox = '\u2612';

    private const string BoxFont = "Segoe UI Symbol";

    // Twentieths of a point; the page, fonts and sizes are WordParts'.
    private const int HeaderLeftWidth = 4253;
    private const int SignatureIndent = 4253;
    private const int GradeColumn = 2268;
    private const int LevelBoxPosition = 6237;
    private const int HandwrittenLines = 3;
    private const int SignatureSpace = 3;

    /// <summary>The .docx file's bytes.</summary>
    public static byte[] Render(SelfReviewDocumentInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = Format(ExportTexts.Document_Title, input.Review.Year);
            package.PackageProperties.Language = Vietnamese.Name;
            var main = package.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = DefaultStyles();
            var body = new Body();
            body.Append(Content(input));
            body.Append(PageSetup());
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Content(SelfReviewDocumentInput input)
    {
        var review = input.Review;
        yield return HeaderTable(review.SuperiorName, review.CellName, input.Place, input.Date);
        yield return new Paragraph();
        yield return Line(ExportTexts.Title, JustificationValues.Center, WordStyle.Bold, TitleSize);
        yield return Line(Format(ExportTexts.Title_Year, review.Year), JustificationValues.Center, WordStyle.Bold);
        yield return new Paragraph();
        foreach (var section in review.Case.Sections)
        {
            foreach (var element in SectionContent(section, review))
            {
                yield return element;
            }
        }
        foreach (var element in Blocks(review))
        {
            yield return element;
        }
    }

    private static IEnumerable<OpenXmlElement> SectionContent(SelfReviewSection section, SelfReviewView review)
    {
        var answers = review.Answers;
        return section switch
        {
            SelfReviewSection.Identity => IdentityBlock(answers.Identity, review.CellName),
            SelfReviewSection.Strengths => Strengths(review.Case.StrengthItems, answers.Strengths),
            SelfReviewSection.Shortcomings =>
            [
                Heading(ExportTexts.Section_Shortcomings),
                ItemHeading(1, ExportTexts.Shortcomings_Shortcomings),
                .. Answer(answers.Shortcomings),
                ItemHeading(2, ExportTexts.Shortcomings_Causes),
                .. Answer(answers.Causes),
            ],
            SelfReviewSection.Remedy =>
            [
                Heading(ExportTexts.Section_Remedy),
                .. Answer(answers.Remedy?.Text),
                .. GradeBoxes(answers.Remedy?.Grade),
            ],
            SelfReviewSection.Explanations => [Heading(ExportTexts.Section_Explanations), .. Answer(answers.Explanations)],
            SelfReviewSection.CollectiveShare => [Heading(ExportTexts.Section_CollectiveShare), .. Answer(answers.CollectiveShare)],
            SelfReviewSection.Measures => [Heading(ExportTexts.Section_Measures), .. Answer(answers.Measures)],
            SelfReviewSection.ProposedLevel => ProposedLevels(review.Case.IsCivilServant, answers),
            _ => throw new ArgumentOutOfRangeException(nameof(section), section, null),
        };
    }

    private static Table HeaderTable(string? superiorName, string cellName, string? place, DateOnly date)
    {
        var superior = superiorName is null
            ? $"{ExportTexts.Header_SuperiorPrefix} {ExportTexts.Blank}"
            : WithKind(superiorName, ExportTexts.Header_SuperiorPrefix, ExportTexts.Header_CellPrefix);
        var left = new TableCell(
            CellWidth(HeaderLeftWidth),
            Line(superior.ToUpper(Vietnamese), JustificationValues.Center, WordStyle.None, HeaderSize),
            Line(WithKind(cellName, ExportTexts.Header_CellPrefix).ToUpper(Vietnamese), JustificationValues.Center, WordStyle.Bold, HeaderSize),
            Line(ExportTexts.Header_Star, JustificationValues.Center, WordStyle.None, HeaderSize));
        var placeName = string.IsNullOrWhiteSpace(place) ? ExportTexts.Blank : Clean(place).Trim();
        var dateLine = Format(ExportTexts.Header_PlaceAndDate, placeName, Day(date.Day), Month(date.Month), date.Year);
        var right = new TableCell(
            CellWidth(TextWidth - HeaderLeftWidth),
            Line(ExportTexts.Header_PartyName, JustificationValues.Center, WordStyle.Bold | WordStyle.Underline),
            new Paragraph(),
            Line(dateLine, JustificationValues.Center, WordStyle.Italic));
        var borders = new TableBorders(
            new TopBorder { Val = BorderValues.None },
            new LeftBorder { Val = BorderValues.None },
            new BottomBorder { Val = BorderValues.None },
            new RightBorder { Val = BorderValues.None },
            new InsideHorizontalBorder { Val = BorderValues.None },
            new InsideVerticalBorder { Val = BorderValues.None });
        var properties = new TableProperties
        {
            TableWidth = new TableWidth { Width = Twips(TextWidth), Type = TableWidthUnitValues.Dxa },
            TableBorders = borders,
            TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
        };
        return new Table(
            properties,
            new TableGrid(new GridColumn { Width = Twips(HeaderLeftWidth) }, new GridColumn { Width = Twips(TextWidth - HeaderLeftWidth) }),
            new TableRow(left, right));
    }

    /// <summary>The name as the header prints it: "Văn phòng Sở" becomes "Chi bộ Văn phòng Sở"; "Chi bộ Văn phòng Sở" stays.</summary>
    private static string WithKind(string name, string prefix, params string[] otherKinds)
    {
        var clean = Clean(name).Trim();
        var folded = VietnameseFolding.Fold(clean);
        foreach (var kind in otherKinds.Prepend(prefix))
        {
            var foldedKind = VietnameseFolding.Fold(kind);
            if (folded == foldedKind || folded.StartsWith(foldedKind + " ", StringComparison.Ordinal))
            {
                return clean;
            }
        }
        return $"{prefix} {clean}";
    }

    private static IEnumerable<OpenXmlElement> IdentityBlock(SelfReviewIdentity? identity, string cellName)
    {
        var dateOfBirth = identity?.DateOfBirth?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        List<Paragraph> lines =
        [
            IdentityLine(ExportTexts.Identity_FullName, identity?.FullName, WordStyle.Bold),
            IdentityLine(ExportTexts.Identity_DateOfBirth, dateOfBirth, WordStyle.None),
            IdentityLine(ExportTexts.Identity_PartyPost, identity?.PartyPost, WordStyle.None),
            IdentityLine(ExportTexts.Identity_GovernmentPost, identity?.GovernmentPost, WordStyle.None),
            IdentityLine(ExportTexts.Identity_MassOrganisationPost, identity?.MassOrganisationPost, WordStyle.None),
            IdentityLine(ExportTexts.Identity_WorkUnit, identity?.WorkUnit, WordStyle.None),
            IdentityLine(ExportTexts.Identity_Cell, identity?.CellName ?? cellName, WordStyle.None),
        ];
        return KeepTogether(lines);
    }

    private static Paragraph IdentityLine(string label, string? value, WordStyle valueStyle)
    {
        var shown = string.IsNullOrWhiteSpace(value) ? ExportTexts.Blank : Clean(value).Trim();
        return Paragraph(
            new ParagraphProperties { Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) } },
            TextRun($"- {label}: ", WordStyle.None),
            TextRun(shown, valueStyle));
    }

    private static IEnumerable<OpenXmlElement> Strengths(
        IReadOnlyList<StrengthItem> items, IReadOnlyDictionary<StrengthItem, GradedAnswer> answers)
    {
        yield return Heading(ExportTexts.Section_Strengths);
        for (var i = 0; i < items.Count; i++)
        {
            var answer = answers.GetValueOrDefault(items[i]);
            yield return ItemHeading(i + 1, StrengthTitle(items[i]));
            foreach (var paragraph in Answer(answer?.Text))
            {
                yield return paragraph;
            }
            foreach (var paragraph in GradeBoxes(answer?.Grade))
            {
                yield return paragraph;
            }
        }
    }

    private static string StrengthTitle(StrengthItem item) => item switch
    {
        StrengthItem.PoliticalQuality => ExportTexts.Strength_PoliticalQuality,
        StrengthItem.Duties => ExportTexts.Strength_Duties,
        StrengthItem.Leadership => ExportTexts.Strength_Leadership,
        StrengthItem.Responsibility => ExportTexts.Strength_Responsibility,
        StrengthItem.Example => ExportTexts.Strength_Example,
        StrengthItem.Commitment => ExportTexts.Strength_Commitment,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    private static IEnumerable<OpenXmlElement> ProposedLevels(bool civilServant, SelfReviewAnswers answers)
    {
        yield return Heading(ExportTexts.Section_ProposedLevel);
        var number = 0;
        if (civilServant)
        {
            yield return ItemHeading(++number, ExportTexts.ProposedLevel_CivilServant);
            foreach (var paragraph in LevelBoxes(answers.ProposedCivilServantLevel))
            {
                yield return paragraph;
            }
        }
        yield return ItemHeading(++number, ExportTexts.ProposedLevel_PartyMember);
        foreach (var paragraph in LevelBoxes(answers.ProposedLevel))
        {
            yield return paragraph;
        }
    }

    /// <summary>"Tự đánh giá về cấp độ thực hiện:" and the four grades, the chosen one ticked.</summary>
    private static IEnumerable<Paragraph> GradeBoxes(CriterionGrade? chosen)
    {
        var prompt = Line(ExportTexts.Grade_Prompt, JustificationValues.Left, WordStyle.Italic);
        prompt.ParagraphProperties!.KeepNext = new KeepNext();
        prompt.ParagraphProperties.Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) };
        yield return prompt;
        var stops = new Tabs();
        var boxes = Paragraph(new ParagraphProperties { Tabs = stops, Indentation = new Indentation { Left = Twips(FirstLineIndent) } });
        var grades = CriterionGrades.TopDown;
        for (var i = 0; i < grades.Count; i++)
        {
            if (i > 0)
            {
                stops.Append(new TabStop { Val = TabStopValues.Left, Position = FirstLineIndent + (i * GradeColumn) });
                boxes.Append(new Run(new TabChar()));
            }
            boxes.Append(TextRun(grades[i].DisplayName() + " ", WordStyle.None));
            boxes.Append(BoxRun(grades[i] == chosen));
        }
        yield return boxes;
    }

    /// <summary>The four levels, one a line, each followed by its box; the chosen one ticked.</summary>
    private static IEnumerable<Paragraph> LevelBoxes(RankingLevel? chosen)
    {
        var levels = RankingLevels.TopDown;
        for (var i = 0; i < levels.Count; i++)
        {
            var properties = new ParagraphProperties
            {
                Tabs = new Tabs(new TabStop { Val = TabStopValues.Left, Position = LevelBoxPosition }),
                Indentation = new Indentation { Left = Twips(FirstLineIndent) },
            };
            if (i < levels.Count - 1)
            {
                properties.KeepNext = new KeepNext();
            }
            yield return Paragraph(properties, TextRun(levels[i].DisplayName(), WordStyle.None), new Run(new TabChar()), BoxRun(levels[i] == chosen));
        }
    }

    private static IEnumerable<OpenXmlElement> Blocks(SelfReviewView review)
    {
        var answers = review.Answers;
        if (!string.IsNullOrWhiteSpace(answers.AcceptedConclusions))
        {
            yield return Heading(ExportTexts.Conclusions_Title);
            foreach (var paragraph in Answer(answers.AcceptedConclusions))
            {
                yield return paragraph;
            }
        }

        yield return new Paragraph();
        var name = answers.Identity?.FullName;
        foreach (var paragraph in SignatureBlock(ExportTexts.Signature_Title, ExportTexts.Signature_Hint, string.IsNullOrWhiteSpace(name) ? null : name))
        {
            yield return paragraph;
        }
        if (!string.IsNullOrWhiteSpace(review.EnteredByProxy))
        {
            yield return Line(Format(ExportTexts.Proxy_Line, Clean(review.EnteredByProxy).Trim()), JustificationValues.Left, WordStyle.Italic);
        }

        if (review.Case.IsCivilServant)
        {
            foreach (var paragraph in OthersBlock(
                ExportTexts.CivilServant_Title,
                [ExportTexts.CivilServant_Comment, ExportTexts.CivilServant_Level],
                ExportTexts.CivilServant_Signature,
                ExportTexts.CivilServant_SignatureHint))
            {
                yield return paragraph;
            }
        }

        IReadOnlyList<string> cellPrompts = review.Case.IsRanked ? [ExportTexts.CellCommittee_ProposedLevel] : [];
        foreach (var paragraph in OthersBlock(ExportTexts.CellCommittee_Title, cellPrompts, ExportTexts.CellCommittee_Signature, ExportTexts.CellCommittee_SignatureHint, commentLines: true))
        {
            yield return paragraph;
        }
        if (review.Case.IsRanked)
        {
            foreach (var paragraph in OthersBlock(ExportTexts.Committee_Title, [ExportTexts.Committee_Level], ExportTexts.Committee_Signature, ExportTexts.Committee_SignatureHint))
            {
                yield return paragraph;
            }
        }
    }

    /// <summary>A block another body fills in by hand: its title, dotted lines, its prompts, its signature.</summary>
    private static IEnumerable<Paragraph> OthersBlock(
        string title, IReadOnlyList<string> prompts, string signature, string signatureHint, bool commentLines = false)
    {
        List<Paragraph> block = [new Paragraph(), Heading(title)];
        if (commentLines)
        {
            block.AddRange(DottedLines(HandwrittenLines));
        }
        foreach (var prompt in prompts)
        {
            block.Add(Paragraph(
                new ParagraphProperties { Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) } },
                TextRun($"- {prompt}", WordStyle.None)));
            block.AddRange(DottedLines(commentLines ? 1 : HandwrittenLines - 1));
        }
        block.AddRange(SignatureBlock(signature, signatureHint, name: null));
        return KeepTogether(block);
    }

    /// <summary>The right half of the page: title, hint, room to sign, and the name when known.</summary>
    private static IEnumerable<Paragraph> SignatureBlock(string title, string hint, string? name)
    {
        List<Paragraph> block = [SignatureLine(title, WordStyle.Bold), SignatureLine(hint, WordStyle.Italic)];
        for (var i = 0; i < SignatureSpace; i++)
        {
            block.Add(SignatureLine(string.Empty, WordStyle.None));
        }
        if (name is not null)
        {
            block.Add(SignatureLine(Clean(name).Trim(), WordStyle.Bold));
        }
        return KeepTogether(block);
    }

    private static Paragraph SignatureLine(string text, WordStyle style)
    {
        var paragraph = Line(text, JustificationValues.Center, style);
        paragraph.ParagraphProperties!.Indentation = new Indentation { Left = Twips(SignatureIndent) };
        return paragraph;
    }

    private static Paragraph Heading(string text)
    {
        var paragraph = Line(text, JustificationValues.Both, WordStyle.Bold);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
        return paragraph;
    }

    private static Paragraph ItemHeading(int number, string text)
    {
        var paragraph = Line(string.Create(CultureInfo.InvariantCulture, $"{number}. {text}"), JustificationValues.Both, WordStyle.Bold | WordStyle.Italic);
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.ParagraphProperties.Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) };
        return paragraph;
    }

    /// <summary>The member's text, one paragraph per line they wrote; dotted lines to write on when there is none.</summary>
    private static List<Paragraph> Answer(string? text)
    {
        var lines = string.IsNullOrWhiteSpace(text)
            ? []
            : Clean(text).ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return DottedLines(HandwrittenLines - 1);
        }
        var paragraphs = new List<Paragraph>(lines.Length);
        foreach (var line in lines)
        {
            var paragraph = Line(line, JustificationValues.Both, WordStyle.None);
            paragraph.ParagraphProperties!.Indentation = new Indentation { FirstLine = Twips(FirstLineIndent) };
            paragraphs.Add(paragraph);
        }
        return paragraphs;
    }

    private static List<Paragraph> DottedLines(int count)
    {
        var lines = new List<Paragraph>(count);
        for (var i = 0; i < count; i++)
        {
            var properties = new ParagraphProperties
            {
                Tabs = new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = TextWidth }),
            };
            lines.Add(Paragraph(properties, new Run(new TabChar())));
        }
        return lines;
    }

    private static List<Paragraph> KeepTogether(List<Paragraph> paragraphs)
    {
        for (var i = 0; i < paragraphs.Count - 1; i++)
        {
            paragraphs[i].ParagraphProperties ??= new ParagraphProperties();
            paragraphs[i].ParagraphProperties!.KeepNext = new KeepNext();
        }
        return paragraphs;
    }

    private static Paragraph Line(string text, JustificationValues alignment, WordStyle style, string? size = null)
    {
        var properties = new ParagraphProperties { Justification = new Justification { Val = alignment } };
        return text.Length == 0 ? Paragraph(properties) : Paragraph(properties, TextRun(text, style, size));
    }

    private static Paragraph Paragraph(ParagraphProperties properties, params OpenXmlElement[] runs)
    {
        var paragraph = new Paragraph(properties);
        paragraph.Append(runs);
        return paragraph;
    }

    private static Run TextRun(string text, WordStyle style, string? size = null)
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
        run.Append(new WordText(text) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static Run BoxRun(bool ticked) => new(
        new RunProperties { RunFonts = new RunFonts { Ascii = BoxFont, HighAnsi = BoxFont, EastAsia = BoxFont, ComplexScript = BoxFont } },
        new WordText((ticked ? TickedBox : EmptyBox).ToString()));

    private static TableCellProperties CellWidth(int twips) =>
        new(new TableCellWidth { Width = Twips(twips), Type = TableWidthUnitValues.Dxa });

    /// <summary>The text without what XML cannot carry (control characters, lone surrogates); tabs become spaces.</summary>
    private static string Clean(string text)
    {
        StringBuilder? builder = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var keep = c is '\n' or '\r'
                || (c >= ' ' && c < '\uD800')
                || (c >= '\uE000' && c <= '\uFFFD')
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]));
            if (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]))
            {
                keep = true;
            }
            if (keep && builder is null)
            {
                continue;
            }
            builder ??= new StringBuilder(text, 0, i, text.Length);
            if (keep)
            {
                builder.Append(c);
            }
            else if (c == '\t')
            {
                builder.Append(' ');
            }
        }
        return builder?.ToString() ?? text;
    }
}
