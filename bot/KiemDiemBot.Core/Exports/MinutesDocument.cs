using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using static KiemDiemBot.Core.Exports.WordParts;

namespace KiemDiemBot.Core.Exports;

/// <summary>What the minutes of one meeting's ballots show; names only where the minutes name people (attendance, subjects).</summary>
/// <param name="Place">The place name before the date (Review:Place); blank leaves a gap to fill by hand.</param>
/// <param name="Date">The meeting's date, as dated on the minutes.</param>
/// <param name="CoChairs">The meeting's co-chairs (đồng chủ trì), when set.</param>
/// <param name="Chair">Who chairs when there are no co-chairs: the body's secretary, when known.</param>
/// <param name="Rounds">Every closed ballot of the meeting in the order they ran: first votes, re-votes, approval ballots.</param>
/// <param name="Adopted">The decided levels of the meeting's subjects, in list order; empty when not adopted yet.</param>
internal sealed record MinutesInput(
    int Year,
    string BodyName,
    string? SuperiorName,
    string? Place,
    DateOnly Date,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    IReadOnlyList<string> CoChairs,
    string? Chair,
    MinutesAttendance Attendance,
    IReadOnlyList<MinutesRound> Rounds,
    IReadOnlyList<MinutesAdoptedLevel> Adopted)
{
    /// <summary>The participants' comments on the draft report (góp ý), by name; an annex lists them when there are any.</summary>
    public IReadOnlyList<MinutesDraftComment> DraftComments { get; init; } = [];
}

/// <summary>One participant's comment on the draft collective report, for the minutes' annex.</summary>
internal sealed record MinutesDraftComment(string Name, string Text);

/// <summary>The attendance as the first ballot recorded it.</summary>
/// <param name="OfficialSummoned">Official members summoned, those exempt included.</param>
/// <param name="ExemptNames">Exempt from work and activities: summoned, left out of the base, no vote.</param>
/// <param name="Base">The counting base: official members summoned, less those exempt.</param>
/// <param name="OfficialPresent">Official members present, not exempt: those who vote.</param>
/// <param name="AbsentNames">Official members summoned, not exempt, not present.</param>
/// <param name="ProbationaryPresentNames">Probationary members present: they take part and do not vote.</param>
internal sealed record MinutesAttendance(
    int OfficialSummoned,
    IReadOnlyList<string> ExemptNames,
    int Base,
    int OfficialPresent,
    IReadOnlyList<string> AbsentNames,
    IReadOnlyList<string> ProbationaryPresentNames);

/// <summary>One closed ballot: its counts and its subjects' totals (never anything about who chose what).</summary>
/// <param name="ChatBallots">Ballots cast in the chat.</param>
/// <param name="PaperBallots">Paper ballots whose tallies the secretary entered.</param>
internal sealed record MinutesRound(
    BallotKind Kind,
    BallotSubjectKind SubjectKind,
    int Round,
    int Base,
    int EligibleVoters,
    int ChatBallots,
    int PaperBallots,
    int Seats,
    IReadOnlyList<MinutesSubject> Subjects);

/// <summary>One subject's totals on one ballot: chat and paper added up, the paper share apart.</summary>
/// <param name="DroppedAfterThirdTie">An approval name still tied at the cut on the third vote, dropped to HTTNV.</param>
internal sealed record MinutesSubject(
    string Name,
    IReadOnlyDictionary<RankingLevel, int> Votes,
    IReadOnlyDictionary<RankingLevel, int> PaperVotes,
    int Agree,
    int Disagree,
    int PaperAgree,
    int PaperDisagree,
    RankingLevel? Outcome,
    bool NeedsRevote,
    bool? Kept,
    bool DroppedAfterThirdTie);

internal sealed record MinutesAdoptedLevel(string Name, RankingLevel Level, string? Note);

/// <summary>
/// Renders the minutes (biên bản) of a body's review meeting as a .docx: party header, place and date, title with
/// the year, time and chairs, attendance, the counting base, each round's table of votes per level (paper ballots
/// marked), the outcome or a re-vote, the approval ballot, the adopted levels, and the signatures of the secretary
/// (thư ký) and the chair. It shows totals only: nothing in its input can link a voter to a choice. Pure.
/// </summary>
internal static class MinutesDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const int HeaderLeftWidth = 4253;
    private const int NumberWidth = 600;
    private const int SignatureSpace = 3;

    public static byte[] Render(MinutesInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var stream = new MemoryStream();
        using (var package = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            package.PackageProperties.Title = Format(BallotExportTexts.Minutes_DocumentTitle, input.BodyName, input.Year);
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

    private static IEnumerable<OpenXmlElement> Content(MinutesInput input)
    {
        yield return Header(input);
        yield return new Paragraph();
        yield return Line(Format(BallotExportTexts.Minutes_Title, input.BodyName.ToUpper(Vietnamese)), JustificationValues.Center, WordStyle.Bold, TitleSize);
        yield return Line(Format(BallotExportTexts.Minutes_Subtitle, input.Year), JustificationValues.Center, WordStyle.Bold);
        yield return new Paragraph();
        foreach (var element in TimeAndChairs(input))
        {
            yield return element;
        }
        foreach (var element in Attendance(input.Attendance))
        {
            yield return element;
        }
        yield return Heading(BallotExportTexts.Minutes_Section_Results);
        var ranking = 0;
        var approval = 0;
        foreach (var round in input.Rounds)
        {
            var elements = round.Kind == BallotKind.Ranking ? RankingRound(round, ++ranking) : ApprovalRound(round, ++approval);
            foreach (var element in elements)
            {
                yield return element;
            }
        }
        foreach (var element in Adopted(input.Adopted))
        {
            yield return element;
        }
        yield return new Paragraph();
        yield return Signatures(input);
        foreach (var element in DraftCommentsAnnex(input.DraftComments))
        {
            yield return element;
        }
    }

    /// <summary>"Phụ lục: Ý kiến góp ý dự thảo báo cáo" on a page of its own: each comment with who sent it; nothing without comments.</summary>
    private static IEnumerable<OpenXmlElement> DraftCommentsAnnex(IReadOnlyList<MinutesDraftComment> comments)
    {
        if (comments.Count == 0)
        {
            yield break;
        }
        yield return new Paragraph(new Run(new Break { Type = BreakValues.Page }));
        yield return Line(DraftCirculationTexts.Annex_Title, JustificationValues.Center, WordStyle.Bold, TitleSize);
        yield return new Paragraph();
        yield return Body(Format(DraftCirculationTexts.Annex_Intro, comments.Count), WordStyle.Italic);
        for (var i = 0; i < comments.Count; i++)
        {
            yield return Heading(Number(i + 1) + ". " + comments[i].Name);
            foreach (var line in comments[i].Text.Split('\n'))
            {
                yield return Body(line.TrimEnd('\r'));
            }
        }
    }

    private static Table Header(MinutesInput input)
    {
        var superior = string.IsNullOrWhiteSpace(input.SuperiorName) ? BallotExportTexts.Blank : input.SuperiorName;
        var place = string.IsNullOrWhiteSpace(input.Place) ? BallotExportTexts.Blank : input.Place.Trim();
        var date = input.Date;
        var left = Cell(
            HeaderLeftWidth,
            Line(superior.ToUpper(Vietnamese), JustificationValues.Center, WordStyle.None, HeaderSize),
            Line(input.BodyName.ToUpper(Vietnamese), JustificationValues.Center, WordStyle.Bold, HeaderSize),
            Line(BallotExportTexts.Header_Star, JustificationValues.Center, WordStyle.None, HeaderSize));
        var right = Cell(
            TextWidth - HeaderLeftWidth,
            Line(BallotExportTexts.Header_PartyName, JustificationValues.Center, WordStyle.Bold | WordStyle.Underline),
            new Paragraph(),
            Line(Format(BallotExportTexts.Header_PlaceAndDate, place, Day(date.Day), Month(date.Month), date.Year), JustificationValues.Center, WordStyle.Italic));
        return Layout([HeaderLeftWidth, TextWidth - HeaderLeftWidth], left, right);
    }

    private static IEnumerable<Paragraph> TimeAndChairs(MinutesInput input)
    {
        yield return Heading(BallotExportTexts.Minutes_Section_TimeAndPeople);
        if (input.StartsAt is { } starts)
        {
            var text = Format(BallotExportTexts.Minutes_StartsAt, Clock(starts));
            if (input.EndsAt is { } ends)
            {
                text += Format(BallotExportTexts.Minutes_EndsAt, Clock(ends));
            }
            yield return Labelled(BallotExportTexts.Minutes_TimeLabel, text);
        }
        if (input.CoChairs.Count > 0)
        {
            yield return Labelled(BallotExportTexts.Minutes_CoChairsLabel, string.Join(", ", input.CoChairs));
        }
        else
        {
            yield return Labelled(BallotExportTexts.Minutes_ChairLabel, input.Chair ?? BallotExportTexts.Blank);
        }
        yield return Labelled(BallotExportTexts.Minutes_SecretaryLabel, BallotExportTexts.Blank);
    }

    private static IEnumerable<Paragraph> Attendance(MinutesAttendance attendance)
    {
        yield return Labelled(BallotExportTexts.Minutes_SummonedLabel, Format(BallotExportTexts.Minutes_Summoned, attendance.OfficialSummoned));
        if (attendance.ExemptNames.Count > 0)
        {
            yield return Labelled(BallotExportTexts.Minutes_ExemptLabel,
                Format(BallotExportTexts.Minutes_CountAndNames, attendance.ExemptNames.Count, string.Join(", ", attendance.ExemptNames)));
        }
        yield return Labelled(BallotExportTexts.Minutes_PresentLabel, Format(BallotExportTexts.Minutes_Present, attendance.OfficialPresent, attendance.Base));
        yield return Labelled(BallotExportTexts.Minutes_AbsentLabel, attendance.AbsentNames.Count == 0
            ? BallotExportTexts.Minutes_Nobody
            : Format(BallotExportTexts.Minutes_CountAndNames, attendance.AbsentNames.Count, string.Join(", ", attendance.AbsentNames)));
        if (attendance.ProbationaryPresentNames.Count > 0)
        {
            yield return Labelled(BallotExportTexts.Minutes_ProbationaryLabel,
                Format(BallotExportTexts.Minutes_Probationary, attendance.ProbationaryPresentNames.Count, string.Join(", ", attendance.ProbationaryPresentNames)));
        }
        yield return Labelled(BallotExportTexts.Minutes_BaseLabel, Format(BallotExportTexts.Minutes_Base, attendance.Base, Majority(attendance.Base)));
    }

    private static IEnumerable<OpenXmlElement> RankingRound(MinutesRound round, int number)
    {
        var title = number == 1
            ? Format(BallotExportTexts.Minutes_RankingRound, SubjectKindName(round.SubjectKind))
            : Format(BallotExportTexts.Minutes_Revote, number - 1, SubjectKindName(round.SubjectKind));
        yield return Heading(title);
        foreach (var paragraph in BallotCounts(round))
        {
            yield return paragraph;
        }
        var withPaper = round.PaperBallots > 0 || round.Subjects.Any(s => s.PaperVotes.Values.Any(v => v > 0));
        var levels = RankingLevels.TopDown;
        var levelWidth = withPaper ? 1000 : 1150;
        var resultWidth = 1900;
        var paperWidth = withPaper ? 1500 : 0;
        var nameWidth = TextWidth - NumberWidth - (levels.Count * levelWidth) - paperWidth - resultWidth;
        List<int> widths = [NumberWidth, nameWidth, .. levels.Select(_ => levelWidth)];
        List<string> header = [BallotExportTexts.Column_Number, SubjectColumn(round.SubjectKind), .. levels.Select(l => l.Abbreviation())];
        if (withPaper)
        {
            widths.Add(paperWidth);
            header.Add(BallotExportTexts.Column_Paper);
        }
        widths.Add(resultWidth);
        header.Add(BallotExportTexts.Column_Result);
        var rows = round.Subjects.Select((subject, index) =>
        {
            List<string> cells = [Number(index + 1), subject.Name, .. levels.Select(l => Number(subject.Votes.GetValueOrDefault(l)))];
            if (withPaper)
            {
                cells.Add(PaperNote(subject));
            }
            cells.Add(subject.Outcome is { } level ? level.Abbreviation() : BallotExportTexts.Minutes_NoResult);
            return (IReadOnlyList<string>)cells;
        });
        yield return Bordered(widths, header, rows);
        var revotes = round.Subjects.Where(s => s.Outcome is null).Select(s => s.Name).ToList();
        if (revotes.Count > 0)
        {
            yield return Body(Format(BallotExportTexts.Minutes_RevoteNeeded, string.Join(", ", revotes)), WordStyle.Italic);
        }
    }

    private static IEnumerable<OpenXmlElement> ApprovalRound(MinutesRound round, int number)
    {
        yield return Heading(number == 1
            ? BallotExportTexts.Minutes_ApprovalRound
            : Format(BallotExportTexts.Minutes_ApprovalRevote, number - 1));
        yield return Body(Format(BallotExportTexts.Minutes_ApprovalSeats, round.Seats, Majority(round.Base)));
        foreach (var paragraph in BallotCounts(round))
        {
            yield return paragraph;
        }
        var withPaper = round.PaperBallots > 0;
        var resultWidth = 2600;
        var countWidth = 1300;
        var paperWidth = withPaper ? 1500 : 0;
        var nameWidth = TextWidth - NumberWidth - (2 * countWidth) - paperWidth - resultWidth;
        List<int> widths = [NumberWidth, nameWidth, countWidth, countWidth];
        List<string> header = [BallotExportTexts.Column_Number, SubjectColumn(round.SubjectKind), BallotExportTexts.Column_Agree, BallotExportTexts.Column_Disagree];
        if (withPaper)
        {
            widths.Add(paperWidth);
            header.Add(BallotExportTexts.Column_Paper);
        }
        widths.Add(resultWidth);
        header.Add(BallotExportTexts.Column_Result);
        var rows = round.Subjects.Select((subject, index) =>
        {
            List<string> cells = [Number(index + 1), subject.Name, Number(subject.Agree), Number(subject.Disagree)];
            if (withPaper)
            {
                cells.Add(subject.PaperAgree + subject.PaperDisagree == 0
                    ? string.Empty
                    : Format(BallotExportTexts.Minutes_PaperApproval, subject.PaperAgree, subject.PaperDisagree));
            }
            cells.Add(subject switch
            {
                { Kept: true } => BallotExportTexts.Minutes_Kept,
                { NeedsRevote: true } => BallotExportTexts.Minutes_TiedRevote,
                _ => BallotExportTexts.Minutes_Dropped,
            });
            return (IReadOnlyList<string>)cells;
        });
        yield return Bordered(widths, header, rows);
        var thirdTie = round.Subjects.Where(s => s.DroppedAfterThirdTie).Select(s => s.Name).ToList();
        if (thirdTie.Count > 0)
        {
            yield return Body(Format(BallotExportTexts.Minutes_ThirdTie, string.Join(", ", thirdTie)), WordStyle.Italic);
        }
    }

    /// <summary>How many ballots were handed out and came back, and how many of them were paper.</summary>
    private static IEnumerable<Paragraph> BallotCounts(MinutesRound round)
    {
        var returned = round.ChatBallots + round.PaperBallots;
        var text = Format(BallotExportTexts.Minutes_BallotCounts, round.EligibleVoters, returned);
        if (round.PaperBallots > 0)
        {
            text += Format(BallotExportTexts.Minutes_PaperShare, round.PaperBallots);
        }
        yield return Body(text + ".");
    }

    private static IEnumerable<OpenXmlElement> Adopted(IReadOnlyList<MinutesAdoptedLevel> adopted)
    {
        yield return Heading(BallotExportTexts.Minutes_Section_Adopted);
        if (adopted.Count == 0)
        {
            yield return Body(BallotExportTexts.Minutes_NotAdopted, WordStyle.Italic);
            yield break;
        }
        var noteWidth = 2600;
        var levelWidth = 3000;
        int[] widths = [NumberWidth, TextWidth - NumberWidth - levelWidth - noteWidth, levelWidth, noteWidth];
        var rows = adopted.Select((a, index) => (IReadOnlyList<string>)[Number(index + 1), a.Name, a.Level.DisplayName(), a.Note ?? string.Empty]);
        yield return Bordered(widths, [BallotExportTexts.Column_Number, BallotExportTexts.Column_Name, BallotExportTexts.Column_Level, BallotExportTexts.Column_Note], rows);
    }

    private static Table Signatures(MinutesInput input)
    {
        var half = TextWidth / 2;
        var chairName = input.CoChairs.Count > 0 ? input.CoChairs[0] : input.Chair;
        return Layout(
            [half, TextWidth - half],
            Cell(half, SignatureBlock(BallotExportTexts.Signature_Secretary, null)),
            Cell(TextWidth - half, SignatureBlock(BallotExportTexts.Signature_Chair, chairName)));
    }

    private static Paragraph[] SignatureBlock(string title, string? name)
    {
        var block = new List<Paragraph>
        {
            Line(title, JustificationValues.Center, WordStyle.Bold),
            Line(BallotExportTexts.Signature_Hint, JustificationValues.Center, WordStyle.Italic),
        };
        for (var i = 0; i < SignatureSpace; i++)
        {
            block.Add(new Paragraph());
        }
        block.Add(Line(name ?? string.Empty, JustificationValues.Center, WordStyle.Bold));
        return [.. block];
    }

    /// <summary>The paper ballots' share of a subject's votes, e.g. "HTTNV 2; HTNV 1"; empty when none.</summary>
    private static string PaperNote(MinutesSubject subject) =>
        string.Join("; ", RankingLevels.TopDown
            .Where(l => subject.PaperVotes.GetValueOrDefault(l) > 0)
            .Select(l => $"{l.Abbreviation()} {Number(subject.PaperVotes[l])}"));

    private static string SubjectKindName(BallotSubjectKind kind) => kind switch
    {
        BallotSubjectKind.Member => BallotExportTexts.SubjectKind_Member,
        BallotSubjectKind.Organisation => BallotExportTexts.SubjectKind_Organisation,
        BallotSubjectKind.LeadershipCollective => BallotExportTexts.SubjectKind_LeadershipCollective,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string SubjectColumn(BallotSubjectKind kind) =>
        kind == BallotSubjectKind.Member ? BallotExportTexts.Column_Name : BallotExportTexts.Column_OrganisationName;

    /// <summary>More than half of the base: the votes a level needs.</summary>
    private static int Majority(int @base) => (@base / 2) + 1;

    private static string Clock(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, WorkingCalendar.TimeZone);
        return Format(BallotExportTexts.Minutes_Clock, local.Hour.ToString("00", CultureInfo.InvariantCulture),
            local.Minute.ToString("00", CultureInfo.InvariantCulture), local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
