using DocumentFormat.OpenXml.Wordprocessing;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using static KiemDiemBot.Core.Tests.Exports.SampleSelfReviews;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>The self-review .docx opened as Word would open it: what a member and their cell read on paper.</summary>
public sealed class SelfReviewDocumentTests
{
    private static readonly string[] Grades = ["Xuất sắc", "Tốt", "Trung bình", "Kém"];

    private static readonly string[] Levels =
        ["Hoàn thành xuất sắc nhiệm vụ", "Hoàn thành tốt nhiệm vụ", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"];

    public static TheoryData<bool, bool, bool, bool> Cases() => new()
    {
        { false, true, false, false },
        { true, true, true, true },
        { false, false, false, false },
        { true, true, false, false },
        { false, true, true, true },
    };

    [Fact]
    public void Render_PlainMember_EveryAnswerInItsSection()
    {
        var review = Filled(Case());
        using var docx = DocxContent.Of(review);

        Assert.Equal(["I", "II", "III", "VI", "VII"], docx.SectionNumerals());
        var strengths = docx.Section("I");
        AssertLines(TextFor("mục PoliticalQuality"), docx.Item(strengths, "1. Về tư tưởng chính trị"));
        AssertLines(TextFor("mục Duties"), docx.Item(strengths, "2. Về thực hiện chức trách, nhiệm vụ được giao"));
        AssertLines(TextFor("mục Commitment"), docx.Item(strengths, "3. Việc thực hiện cam kết tu dưỡng, rèn luyện, phấn đấu hằng năm"));
        var shortcomings = docx.Section("II");
        AssertLines(TextFor("hạn chế"), docx.Item(shortcomings, "1. Hạn chế, khuyết điểm"));
        AssertLines(TextFor("nguyên nhân"), docx.Item(shortcomings, "2. Nguyên nhân của hạn chế, khuyết điểm"));
        AssertLines(TextFor("khắc phục"), docx.Section("III"));
        AssertLines(TextFor("biện pháp"), docx.Section("VI"));
        Assert.StartsWith("III. KẾT QUẢ KHẮC PHỤC NHỮNG HẠN CHẾ, KHUYẾT ĐIỂM", docx.Lines[docx.IndexOfSection("III")], StringComparison.Ordinal);
        Assert.Equal("VI. PHƯƠNG HƯỚNG, BIỆN PHÁP KHẮC PHỤC HẠN CHẾ, KHUYẾT ĐIỂM", docx.Lines[docx.IndexOfSection("VI")]);
    }

    [Fact]
    public void Render_LeaderWithSuggestions_LeadersItemsAndSectionsIVAndVInPlace()
    {
        var review = Filled(Case(leader: true, suggestions: true));
        using var docx = DocxContent.Of(review);

        Assert.Equal(["I", "II", "III", "IV", "V", "VI", "VII"], docx.SectionNumerals());
        var strengths = docx.Section("I");
        AssertLines(TextFor("mục Leadership"), docx.Item(strengths, "3. Kết quả công tác lãnh đạo, chỉ đạo, quản lý, điều hành"));
        AssertLines(TextFor("mục Responsibility"), docx.Item(strengths, "4. Trách nhiệm trong công việc"));
        AssertLines(TextFor("mục Example"), docx.Item(strengths, "5. Trách nhiệm nêu gương của bản thân và gia đình"));
        AssertLines(TextFor("mục Commitment"), docx.Item(strengths, "6. Việc thực hiện cam kết tu dưỡng"));
        AssertLines(TextFor("giải trình"), docx.Section("IV"));
        AssertLines(TextFor("trách nhiệm tập thể"), docx.Section("V"));
    }

    [Fact]
    public void Render_PlainMember_NoLeadersItemsEvenWhenStoredAnswersHaveThem()
    {
        var plain = Filled(Case());
        var strengths = new Dictionary<StrengthItem, GradedAnswer>(plain.Answers.Strengths)
        {
            [StrengthItem.Leadership] = new(TextFor("mục Leadership"), CriterionGrade.Good),
        };
        var review = plain with { Answers = plain.Answers with { Strengths = strengths, CollectiveShare = TextFor("trách nhiệm tập thể") } };
        using var docx = DocxContent.Of(review);

        Assert.DoesNotContain(docx.Lines, line => line.Contains("lãnh đạo, chỉ đạo", StringComparison.Ordinal));
        Assert.DoesNotContain(docx.Lines, line => line.Contains("mục Leadership", StringComparison.Ordinal));
        Assert.DoesNotContain(docx.Lines, line => line.Contains("trách nhiệm tập thể", StringComparison.Ordinal));
        Assert.DoesNotContain("V", docx.SectionNumerals());
        Assert.Equal(3, docx.Section("I").Count(line => line.Contains(SelfReviewDocument.TickedBox, StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_GradedItems_ChosenGradeTickedOthersEmpty()
    {
        var review = Filled(Case(leader: true));
        using var docx = DocxContent.Of(review);

        var strengths = docx.Section("I");
        var items = review.Case.StrengthItems;
        for (var i = 0; i < items.Count; i++)
        {
            var boxes = Assert.Single(docx.Item(strengths, $"{i + 1}. "), DocxContent.HasBox);
            var chosen = review.Answers.Strengths[items[i]].Grade!.Value.DisplayName();
            Assert.Equal(Grades.Select(grade => (grade, grade == chosen)), DocxContent.Boxes(boxes));
        }
        var remedy = Assert.Single(docx.Section("III"), DocxContent.HasBox);
        Assert.Equal(Grades.Select(grade => (grade, grade == "Trung bình")), DocxContent.Boxes(remedy));
        Assert.Contains("Tự đánh giá về cấp độ thực hiện:", docx.Section("III"));
    }

    [Fact]
    public void Render_ItemNotGradedYet_NoBoxTickedAndDottedLinesForTheMissingText()
    {
        var plain = Filled(Case());
        var strengths = new Dictionary<StrengthItem, GradedAnswer>(plain.Answers.Strengths)
        {
            [StrengthItem.Duties] = new(null, null),
        };
        var review = plain with { Answers = plain.Answers with { Strengths = strengths, Remedy = null, Causes = null } };
        using var docx = DocxContent.Of(review);

        var duties = docx.Item(docx.Section("I"), "2. ");
        Assert.All(DocxContent.Boxes(Assert.Single(duties, DocxContent.HasBox)), box => Assert.False(box.Ticked));
        Assert.Contains("\t", duties);
        Assert.All(DocxContent.Boxes(Assert.Single(docx.Section("III"), DocxContent.HasBox)), box => Assert.False(box.Ticked));
        Assert.Contains("\t", docx.Item(docx.Section("II"), "2. "));
        Assert.Empty(docx.Validate());
    }

    [Fact]
    public void Render_CivilServant_BothLevelsTickedAndTheHeadOfUnitBlock()
    {
        var review = Filled(Case(civilServant: true));
        using var docx = DocxContent.Of(review);

        var levels = docx.Section("VII");
        Assert.Equal("1. Xếp loại cán bộ, công chức, viên chức:", levels[0]);
        Assert.Equal(Levels.Select(level => (level, level == "Hoàn thành xuất sắc nhiệm vụ")), levels.Skip(1).Take(4).Select(line => Assert.Single(DocxContent.Boxes(line))));
        Assert.Equal("2. Xếp loại đảng viên:", levels[5]);
        Assert.Equal(Levels.Select(level => (level, level == "Hoàn thành tốt nhiệm vụ")), levels.Skip(6).Take(4).Select(line => Assert.Single(DocxContent.Boxes(line))));
        Assert.Contains("ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC", docx.Lines);
        Assert.Contains("THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ", docx.Lines);
    }

    [Fact]
    public void Render_NotCivilServant_OnlyThePartyMemberLevel()
    {
        var review = Filled(Case());
        using var docx = DocxContent.Of(review);

        var levels = docx.Section("VII");
        Assert.Equal("1. Xếp loại đảng viên:", levels[0]);
        Assert.Equal(Levels.Select(level => (level, level == "Hoàn thành tốt nhiệm vụ")), levels.Skip(1).Take(4).Select(line => Assert.Single(DocxContent.Boxes(line))));
        Assert.DoesNotContain(docx.Lines, line => line.Contains("công chức, viên chức", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_MemberAdmittedUnderSixMonths_NoSectionVIIAndNoLevelToDecide()
    {
        var review = Filled(Case(ranked: false));
        using var docx = DocxContent.Of(review);

        Assert.Equal(["I", "II", "III", "VI"], docx.SectionNumerals());
        Assert.Contains("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)", docx.Lines);
        Assert.DoesNotContain(docx.Lines, line => line.Contains("xếp loại mức chất lượng", StringComparison.Ordinal));
        Assert.DoesNotContain(docx.Lines, line => line.StartsWith("KẾT QUẢ XẾP LOẠI", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AnyMember_NameAndYearInTheTitleBlockAndTheHeader()
    {
        var review = Filled(Case());
        using var docx = DocxContent.Of(review, place: "Hà Nội", date: new DateOnly(2022, 2, 5));

        var title = docx.Lines.ToList().IndexOf("BẢN KIỂM ĐIỂM CÁ NHÂN");
        Assert.True(title > 0);
        Assert.Equal("Năm 2022", docx.Lines[title + 1]);
        var identity = docx.Lines.Skip(title + 2).Where(line => line.Length > 0).Take(7).ToList();
        Assert.Equal(
            [
                "- Họ và tên: Nguyễn Văn An",
                "- Ngày sinh: 12/03/1980",
                "- Chức vụ Đảng: Chi ủy viên",
                "- Chức vụ chính quyền: Chánh Văn phòng",
                "- Chức vụ đoàn thể: Ủy viên Ban Chấp hành Công đoàn",
                "- Đơn vị công tác: Văn phòng Sở",
                "- Chi bộ: Chi bộ Văn phòng Sở",
            ],
            identity);
        var header = docx.Body.Elements<Table>().First();
        var left = header.Descendants<TableCell>().First().Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal(["ĐẢNG BỘ SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "CHI BỘ VĂN PHÒNG SỞ", "*"], left);
        var right = header.Descendants<TableCell>().Last().Descendants<Paragraph>().ToList();
        Assert.Equal("ĐẢNG CỘNG SẢN VIỆT NAM", right[0].InnerText);
        Assert.NotNull(right[0].Descendants<Underline>().SingleOrDefault());
        var dateLine = Assert.Single(right, p => p.InnerText.Length > 0 && p != right[0]);
        Assert.Equal("Hà Nội, ngày 05 tháng 02 năm 2022", dateLine.InnerText);
        Assert.NotNull(dateLine.Descendants<Italic>().SingleOrDefault());
    }

    [Fact]
    public void Render_NamesWithoutTheirKindAndNoPlace_HeaderAddsTheKindAndLeavesAGap()
    {
        var plain = Filled(Case());
        var review = plain with { CellName = "Văn phòng Sở", SuperiorName = "Khối Các cơ quan tỉnh" };
        using var docx = DocxContent.Of(review, place: null, date: new DateOnly(2022, 11, 20));

        var header = docx.Body.Elements<Table>().First().Descendants<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Contains("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", header);
        Assert.Contains("CHI BỘ VĂN PHÒNG SỞ", header);
        Assert.Contains("……………, ngày 20 tháng 11 năm 2022", header);
    }

    [Fact]
    public void Render_OwnEntry_SignedWithTheMembersNameAndNoProxyLine()
    {
        var review = Filled(Case());
        using var docx = DocxContent.Of(review);

        var signature = docx.Lines.ToList().IndexOf("NGƯỜI TỰ KIỂM ĐIỂM");
        Assert.True(signature > docx.IndexOfSection("VII"));
        Assert.Equal("(Ký, ghi rõ họ tên)", docx.Lines[signature + 1]);
        Assert.Equal(MemberName, docx.Lines.Skip(signature + 2).First(line => line.Length > 0));
        Assert.DoesNotContain(docx.Lines, line => line.Contains("nhập thay", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_EnteredByProxy_VisibleLineNamingTheSecretary()
    {
        var review = Filled(Case(), proxy: "Trần Thị Mai");
        using var docx = DocxContent.Of(review);

        var signature = docx.Lines.ToList().IndexOf("NGƯỜI TỰ KIỂM ĐIỂM");
        var proxy = docx.Lines.ToList().IndexOf("Bản kiểm điểm do đồng chí Trần Thị Mai nhập thay.");
        Assert.True(proxy > signature);
        Assert.True(proxy < docx.Lines.ToList().IndexOf("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)"));
    }

    [Fact]
    public void Render_AcceptedConclusions_AfterSectionVIIBeforeTheSignature()
    {
        var review = Filled(Case(), conclusions: TextFor("tiếp thu"));
        using var docx = DocxContent.Of(review);

        var heading = docx.Lines.ToList().IndexOf("TIẾP THU Ý KIẾN GÓP Ý VÀ KẾT LUẬN CỦA CHI BỘ");
        Assert.True(heading > docx.IndexOfSection("VII"));
        AssertLines(TextFor("tiếp thu"), docx.Lines.Skip(heading + 1).TakeWhile(line => line != "NGƯỜI TỰ KIỂM ĐIỂM").ToList());
    }

    [Fact]
    public void Render_NoConclusionsYet_NoConclusionsHeading()
    {
        using var docx = DocxContent.Of(Filled(Case()));

        Assert.DoesNotContain(docx.Lines, line => line.StartsWith("TIẾP THU", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_AnyMember_EmptyBlocksForTheCellCommitteeAndTheCommittee()
    {
        using var docx = DocxContent.Of(Filled(Case()));

        var lines = docx.Lines.ToList();
        var cell = lines.IndexOf("NHẬN XÉT, ĐÁNH GIÁ CỦA CHI ỦY (CHI BỘ)");
        var committee = lines.IndexOf("KẾT QUẢ XẾP LOẠI CỦA CẤP ỦY (ĐẢNG ỦY, CHI BỘ CƠ SỞ)");
        Assert.True(cell > lines.IndexOf("NGƯỜI TỰ KIỂM ĐIỂM"));
        Assert.True(committee > cell);
        Assert.Equal(["\t", "\t", "\t", "- Chi ủy (chi bộ) đề xuất xếp loại mức chất lượng:", "\t", "T/M CHI ỦY (CHI BỘ)"],
            lines.Skip(cell + 1).Take(6));
        Assert.Equal(["- Đảng ủy (chi bộ cơ sở) xếp loại mức chất lượng:", "\t", "\t", "T/M ĐẢNG ỦY (CHI BỘ CƠ SỞ)"],
            lines.Skip(committee + 1).Take(4));
    }

    [Fact]
    public void Render_TextWithLineBreaks_OneParagraphPerLineAndBlankLinesDropped()
    {
        var plain = Filled(Case());
        var review = plain with { Answers = plain.Answers with { Measures = "- Học tập nghị quyết.\r\n\r\n- Rèn luyện tác phong.\n  - Giữ kỷ luật." } };
        using var docx = DocxContent.Of(review);

        Assert.Equal(["- Học tập nghị quyết.", "- Rèn luyện tác phong.", "- Giữ kỷ luật."], docx.Section("VI"));
    }

    [Fact]
    public void Render_TextWithCharactersXmlCannotCarry_StillAValidDocumentWithTheRestOfTheText()
    {
        var plain = Filled(Case());
        var review = plain with { Answers = plain.Answers with { Measures = "Học\u0001 tập\ttốt \uD800hơn 😀" } };
        using var docx = DocxContent.Of(review);

        Assert.Equal(["Học tập tốt hơn 😀"], docx.Section("VI"));
        Assert.Empty(docx.Validate());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Render_AnyCase_ValidWordDocument(bool leader, bool ranked, bool civilServant, bool suggestions)
    {
        var review = Filled(Case(leader, ranked, civilServant, suggestions), proxy: "Trần Thị Mai", conclusions: TextFor("tiếp thu"));
        using var docx = DocxContent.Of(review);

        Assert.Empty(docx.Validate());
    }

    [Fact]
    public void Render_AnyMember_A4InTimesNewRomanWithTheTitleInTheProperties()
    {
        using var docx = DocxContent.Of(Filled(Case()));

        var page = docx.Body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageSize>()!;
        Assert.Equal((11906u, 16838u), (page.Width!.Value, page.Height!.Value));
        var defaults = docx.Document.MainDocumentPart!.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.Equal("Times New Roman", defaults.GetFirstChild<RunFonts>()!.Ascii!.Value);
        Assert.Equal("28", defaults.GetFirstChild<FontSize>()!.Val!.Value);
        Assert.Equal("Bản kiểm điểm cá nhân năm 2022", docx.Document.PackageProperties.Title);
    }

    [Fact]
    public void Render_NothingAnsweredYet_AFormToFillByHand()
    {
        var review = View(Case(), new SelfReviewAnswers(), superior: null);
        using var docx = DocxContent.Of(review);

        Assert.Contains("- Họ và tên: ……………", docx.Lines);
        Assert.Contains("- Chi bộ: Chi bộ Văn phòng Sở", docx.Lines);
        Assert.Contains("ĐẢNG BỘ ……………", docx.Lines);
        Assert.DoesNotContain(docx.Lines, line => line.Contains(SelfReviewDocument.TickedBox, StringComparison.Ordinal));
        Assert.Empty(docx.Validate());
    }

    private static void AssertLines(string expected, IReadOnlyList<string> actual) =>
        Assert.Equal(expected.Split('\n'), actual.Where(line => line.Length > 0 && line != "\t" && !DocxContent.HasBox(line) && !line.StartsWith("Tự đánh giá", StringComparison.Ordinal)));
}
