using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Excellence;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace KiemDiemBot.Core.Exports;

/// <summary>What the ranking list of an organisation shows.</summary>
/// <param name="Rankings">The decided rankings, members first (by cell, then name), then organisations and collectives.</param>
/// <param name="NotRanked">Members of the organisation's cells without a decided ranking, with the reason.</param>
/// <param name="ExcellenceCap">The cycle's cap (20%, or 25% by exception), checked per subject type.</param>
internal sealed record RankingListInput(
    int Year,
    string OrganisationName,
    IReadOnlyList<RankingListRow> Rankings,
    IReadOnlyList<NotRankedRow> NotRanked,
    ExcellenceCapSettings ExcellenceCap);

/// <param name="Posts">The member's posts, e.g. "Bí thư Chi bộ Văn phòng Sở"; null when none.</param>
/// <param name="Note">Why the ranking changed (re-ranked with a reason); null for a first decision.</param>
internal sealed record RankingListRow(BallotSubjectKind Kind, string Name, string CellName, string? Posts, RankingLevel Level, string? Note);

internal sealed record NotRankedRow(string Name, string CellName, string Reason);

/// <summary>One subject type's counts per level, the HTXSNV share of HTTNV and whether the cap holds.</summary>
internal sealed record RankingStatistics(BallotSubjectKind Kind, int Ranked, IReadOnlyDictionary<RankingLevel, int> Counts, bool CapHolds)
{
    /// <summary>The share of those ranked at a level (0 to 1); 0 when nobody of this type is ranked.</summary>
    public double Share(RankingLevel level) => Ranked == 0 ? 0 : (double)Counts.GetValueOrDefault(level) / Ranked;

    /// <summary>HTXSNV as a share of HTTNV (0.2 is 20%); null when nobody is HTTNV.</summary>
    public double? ExcellentToGood =>
        Counts.GetValueOrDefault(RankingLevel.GoodCompletion) is var good and > 0
            ? (double)Counts.GetValueOrDefault(RankingLevel.ExcellentCompletion) / good
            : null;

    /// <summary>Per subject type present in <paramref name="rows"/> (members always), in the order the enum lists them.</summary>
    public static IReadOnlyList<RankingStatistics> Of(IReadOnlyList<RankingListRow> rows, ExcellenceCapSettings cap)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(cap);
        var statistics = new List<RankingStatistics>();
        foreach (var kind in Enum.GetValues<BallotSubjectKind>())
        {
            var ofKind = rows.Where(r => r.Kind == kind).ToList();
            if (ofKind.Count == 0 && kind != BallotSubjectKind.Member)
            {
                continue;
            }
            var counts = RankingLevels.TopDown.ToDictionary(l => l, l => ofKind.Count(r => r.Level == l));
            var holds = ExcellenceCap.Holds(counts[RankingLevel.ExcellentCompletion], counts[RankingLevel.GoodCompletion], cap);
            statistics.Add(new RankingStatistics(kind, ofKind.Count, counts, holds));
        }
        return statistics;
    }
}

/// <summary>
/// Writes the ranking list (danh sách xếp loại) as .xlsx with SpreadCheetah, streaming row by row: sheet 1 the
/// decided rankings (STT, name, cell, posts, level, note), sheet 2 the statistics per subject type and level
/// (counts, shares of those ranked, HTXSNV against the cap), sheet 3 the members not ranked and why.
/// </summary>
internal static class RankingListWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteAsync(Stream stream, RankingListInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(input);
        await using var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken);
        var styles = new Styles(
            spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 13 } }),
            spreadsheet.AddStyle(new Style { Font = { Bold = true }, Alignment = { WrapText = true, Horizontal = HorizontalAlignment.Center, Vertical = VerticalAlignment.Center } }),
            spreadsheet.AddStyle(new Style { Alignment = { WrapText = true, Vertical = VerticalAlignment.Top } }),
            spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.00%") }),
            spreadsheet.AddStyle(new Style { Font = { Bold = true, Italic = true } }));
        await RankingsAsync(spreadsheet, input, styles, cancellationToken);
        await StatisticsAsync(spreadsheet, input, styles, cancellationToken);
        await NotRankedAsync(spreadsheet, input, styles, cancellationToken);
        await spreadsheet.FinishAsync(cancellationToken);
    }

    public static async Task<byte[]> RenderAsync(RankingListInput input, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream();
        await WriteAsync(stream, input, cancellationToken);
        return stream.ToArray();
    }

    private static async Task RankingsAsync(Spreadsheet spreadsheet, RankingListInput input, Styles styles, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(BallotExportTexts.Sheet_Rankings, Options(3, 7, 32, 28, 30, 34, 40), cancellationToken);
        await TitleAsync(spreadsheet, styles, WordParts.Format(BallotExportTexts.RankingList_Title, input.Year), input.OrganisationName, cancellationToken);
        await spreadsheet.AddRowAsync(Header(styles,
            BallotExportTexts.Column_Number, BallotExportTexts.Column_Name, BallotExportTexts.Column_Cell,
            BallotExportTexts.Column_Posts, BallotExportTexts.Column_Level, BallotExportTexts.Column_Note), cancellationToken);
        var sections = input.Rankings.GroupBy(r => r.Kind).OrderBy(g => g.Key).ToList();
        var number = 0;
        foreach (var section in sections)
        {
            if (sections.Count > 1 || section.Key != BallotSubjectKind.Member)
            {
                await spreadsheet.AddRowAsync([new Cell(string.Empty), new Cell(SubjectKindTitle(section.Key), styles.Section)], cancellationToken);
            }
            foreach (var row in section)
            {
                await spreadsheet.AddRowAsync(
                [
                    new Cell(++number),
                    new Cell(row.Name, styles.Wrapped),
                    new Cell(row.CellName, styles.Wrapped),
                    new Cell(row.Posts ?? string.Empty, styles.Wrapped),
                    new Cell(row.Level.DisplayName(), styles.Wrapped),
                    new Cell(row.Note ?? string.Empty, styles.Wrapped),
                ], cancellationToken);
            }
        }
    }

    private static async Task StatisticsAsync(Spreadsheet spreadsheet, RankingListInput input, Styles styles, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(BallotExportTexts.Sheet_Statistics, Options(3, 34, 14, 12, 12, 12, 12, 12, 12, 12, 12, 16, 12, 22), cancellationToken);
        await TitleAsync(spreadsheet, styles, WordParts.Format(BallotExportTexts.Statistics_Title, input.Year), input.OrganisationName, cancellationToken);
        var levels = RankingLevels.TopDown;
        List<string> header = [BallotExportTexts.Column_SubjectKind, BallotExportTexts.Column_Ranked];
        foreach (var level in levels)
        {
            header.Add(WordParts.Format(BallotExportTexts.Column_LevelCount, level.Abbreviation()));
            header.Add(WordParts.Format(BallotExportTexts.Column_LevelShare, level.Abbreviation()));
        }
        header.AddRange([BallotExportTexts.Column_ExcellentToGood, BallotExportTexts.Column_CapLimit, BallotExportTexts.Column_CapCheck]);
        await spreadsheet.AddRowAsync(Header(styles, [.. header]), cancellationToken);
        var limit = input.ExcellenceCap.EffectivePercent / 100d;
        foreach (var statistics in RankingStatistics.Of(input.Rankings, input.ExcellenceCap))
        {
            var cells = new List<Cell> { new(SubjectKindTitle(statistics.Kind), styles.Wrapped), new(statistics.Ranked) };
            foreach (var level in levels)
            {
                cells.Add(new Cell(statistics.Counts.GetValueOrDefault(level)));
                cells.Add(new Cell(statistics.Share(level), styles.Percent));
            }
            cells.Add(statistics.ExcellentToGood is { } share ? new Cell(share, styles.Percent) : new Cell(string.Empty));
            cells.Add(new Cell(limit, styles.Percent));
            cells.Add(new Cell(statistics.CapHolds ? BallotExportTexts.Cap_Holds : BallotExportTexts.Cap_Exceeded, styles.Wrapped));
            await spreadsheet.AddRowAsync(cells, cancellationToken);
        }
    }

    private static async Task NotRankedAsync(Spreadsheet spreadsheet, RankingListInput input, Styles styles, CancellationToken cancellationToken)
    {
        await spreadsheet.StartWorksheetAsync(BallotExportTexts.Sheet_NotRanked, Options(3, 7, 32, 30, 70), cancellationToken);
        await TitleAsync(spreadsheet, styles, WordParts.Format(BallotExportTexts.NotRanked_Title, input.Year), input.OrganisationName, cancellationToken);
        await spreadsheet.AddRowAsync(Header(styles,
            BallotExportTexts.Column_Number, BallotExportTexts.Column_Name, BallotExportTexts.Column_Cell, BallotExportTexts.Column_Reason), cancellationToken);
        var number = 0;
        foreach (var row in input.NotRanked)
        {
            await spreadsheet.AddRowAsync(
            [
                new Cell(++number),
                new Cell(row.Name, styles.Wrapped),
                new Cell(row.CellName, styles.Wrapped),
                new Cell(row.Reason, styles.Wrapped),
            ], cancellationToken);
        }
    }

    /// <summary>Two title rows (what, and whose), an empty row, then the table: the header is row <paramref name="frozenRows"/>.</summary>
    private static WorksheetOptions Options(int frozenRows, params double[] widths)
    {
        var options = new WorksheetOptions { FrozenRows = frozenRows + 1 };
        for (var i = 0; i < widths.Length; i++)
        {
            options.Column(i + 1).Width = widths[i];
        }
        return options;
    }

    private static async Task TitleAsync(Spreadsheet spreadsheet, Styles styles, string title, string organisation, CancellationToken cancellationToken)
    {
        await spreadsheet.AddRowAsync([new Cell(title, styles.Title)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(organisation, styles.Title)], cancellationToken);
        await spreadsheet.AddRowAsync([new Cell(string.Empty)], cancellationToken);
    }

    private static Cell[] Header(Styles styles, params string[] titles) => [.. titles.Select(t => new Cell(t, styles.Header))];

    private static string SubjectKindTitle(BallotSubjectKind kind) => kind switch
    {
        BallotSubjectKind.Member => BallotExportTexts.SubjectKindTitle_Member,
        BallotSubjectKind.Organisation => BallotExportTexts.SubjectKindTitle_Organisation,
        BallotSubjectKind.LeadershipCollective => BallotExportTexts.SubjectKindTitle_LeadershipCollective,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private sealed record Styles(StyleId Title, StyleId Header, StyleId Wrapped, StyleId Percent, StyleId Section);
}
