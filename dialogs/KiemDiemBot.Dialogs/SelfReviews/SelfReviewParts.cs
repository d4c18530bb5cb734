using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Dialogs.Resources;

namespace KiemDiemBot.Dialogs.SelfReviews;

/// <summary>
/// The parts of the self-review form that are asked in text boxes, one card each, in the form's words: how each
/// is drawn from the stored review and how an answer is read back, checked (required, at most
/// <see cref="SelfReviewAnswers.MaxTextLength"/> characters) and put into the review's answers.
/// </summary>
internal static class SelfReviewParts
{
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");
    private static readonly string[] DateFormats = ["d/M/yyyy", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static SelfReviewPart Identity { get; } = new(
        SelfReviewFlow.IdentityStep,
        IdentityCard,
        ReadIdentity,
        IdentitySummary,
        AcceptsText: false);

    public static SelfReviewPart Shortcomings { get; } = new(
        SelfReviewFlow.ShortcomingsStep,
        view => new SelfReviewSectionCardInput(
            SelfReviewFlowTexts.ShortcomingsTitle,
            SelfReviewFlowTexts.ShortcomingsQuestion,
            [
                new SelfReviewTextField(SelfReviewFlow.ShortcomingsInput, SelfReviewFlowTexts.ShortcomingsText, view.Answers.Shortcomings),
                new SelfReviewTextField(SelfReviewFlow.CausesInput, SelfReviewFlowTexts.CausesText, view.Answers.Causes),
            ],
            SelfReviewAnswers.MaxTextLength),
        (input, view) =>
        {
            var errors = new List<string>();
            var shortcomings = Required(input, SelfReviewFlow.ShortcomingsInput, SelfReviewFlowTexts.ShortcomingsText, errors);
            var causes = Required(input, SelfReviewFlow.CausesInput, SelfReviewFlowTexts.CausesText, errors);
            return errors.Count > 0
                ? SelfReviewPartReading.Refused(errors)
                : SelfReviewPartReading.Accepted(view.Answers with { Shortcomings = shortcomings, Causes = causes });
        },
        view => new SelfReviewSummarySection(SelfReviewFlowTexts.ShortcomingsTitle,
        [
            new SelfReviewSummaryItem(SelfReviewFlowTexts.ShortcomingsText, view.Answers.Shortcomings),
            new SelfReviewSummaryItem(SelfReviewFlowTexts.CausesText, view.Answers.Causes),
        ]),
        AcceptsText: false);

    public static SelfReviewPart Remedy { get; } = new(
        SelfReviewFlow.RemedyStep,
        view => new SelfReviewSectionCardInput(
            SelfReviewFlowTexts.RemedyTitle,
            SelfReviewFlowTexts.RemedyQuestion,
            [new SelfReviewTextField(SelfReviewFlow.TextInput, SelfReviewFlowTexts.RemedyText, view.Answers.Remedy?.Text)],
            SelfReviewAnswers.MaxTextLength)
        {
            Grade = GradeField(view.Answers.Remedy?.Grade),
        },
        (input, view) =>
        {
            var errors = new List<string>();
            var text = Required(input, SelfReviewFlow.TextInput, SelfReviewFlowTexts.RemedyText, errors);
            var grade = RequiredGrade(input, SelfReviewFlowTexts.RemedyTitle, errors);
            return errors.Count > 0
                ? SelfReviewPartReading.Refused(errors)
                : SelfReviewPartReading.Accepted(view.Answers with { Remedy = new GradedAnswer(text, grade) });
        },
        view => new SelfReviewSummarySection(SelfReviewFlowTexts.RemedyTitle, [GradedItem(view.Answers.Remedy)]),
        AcceptsText: false);

    public static SelfReviewPart Explanations { get; } = OneBox(
        SelfReviewFlow.ExplanationsStep,
        SelfReviewFlowTexts.ExplanationsTitle,
        SelfReviewFlowTexts.ExplanationsQuestion,
        SelfReviewFlowTexts.ExplanationsText,
        answers => answers.Explanations,
        (answers, text) => answers with { Explanations = text });

    public static SelfReviewPart CollectiveShare { get; } = OneBox(
        SelfReviewFlow.CollectiveShareStep,
        SelfReviewFlowTexts.CollectiveShareTitle,
        SelfReviewFlowTexts.CollectiveShareQuestion,
        SelfReviewFlowTexts.CollectiveShareText,
        answers => answers.CollectiveShare,
        (answers, text) => answers with { CollectiveShare = text });

    public static SelfReviewPart Measures { get; } = OneBox(
        SelfReviewFlow.MeasuresStep,
        SelfReviewFlowTexts.MeasuresTitle,
        SelfReviewFlowTexts.MeasuresQuestion,
        SelfReviewFlowTexts.MeasuresText,
        answers => answers.Measures,
        (answers, text) => answers with { Measures = text });

    public static SelfReviewPart Conclusions { get; } = OneBox(
        SelfReviewFlow.ConclusionsStep,
        SelfReviewFlowTexts.ConclusionsTitle,
        SelfReviewFlowTexts.ConclusionsQuestion,
        SelfReviewFlowTexts.ConclusionsText,
        answers => answers.AcceptedConclusions,
        (answers, text) => answers with { AcceptedConclusions = text });

    /// <summary>The items of section I, each its own part.</summary>
    public static IReadOnlyList<SelfReviewPart> Strengths { get; } = [.. Enum.GetValues<StrengthItem>().Select(Strength)];

    public static IReadOnlyList<SelfReviewPart> All { get; } =
        [Identity, .. Strengths, Shortcomings, Remedy, Explanations, CollectiveShare, Measures, Conclusions];

    /// <summary>The item's name in the form's words.</summary>
    public static string StrengthName(StrengthItem item) => item switch
    {
        StrengthItem.PoliticalQuality => SelfReviewFlowTexts.Strength_PoliticalQuality,
        StrengthItem.Duties => SelfReviewFlowTexts.Strength_Duties,
        StrengthItem.Leadership => SelfReviewFlowTexts.Strength_Leadership,
        StrengthItem.Responsibility => SelfReviewFlowTexts.Strength_Responsibility,
        StrengthItem.Example => SelfReviewFlowTexts.Strength_Example,
        StrengthItem.Commitment => SelfReviewFlowTexts.Strength_Commitment,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    /// <summary>The item's number for this member: leaders have six items, others three (the commitment is the last).</summary>
    public static int StrengthNumber(StrengthItem item, SelfReviewCase @case)
    {
        var index = IndexOf(@case.StrengthItems, item);
        return index < 0 ? (int)item : index + 1;
    }

    public static string GradeValue(CriterionGrade grade) => grade.ToString();

    private static SelfReviewPart Strength(StrengthItem item) => new(
        SelfReviewFlow.StrengthStep(item),
        view => new SelfReviewSectionCardInput(
            StrengthTitle(item, view.Case, StrengthShortName(item)),
            string.Format(Vietnamese, SelfReviewFlowTexts.StrengthQuestion, StrengthName(item)),
            [new SelfReviewTextField(SelfReviewFlow.TextInput, SelfReviewFlowTexts.StrengthText, view.Answers.Strengths.GetValueOrDefault(item)?.Text)],
            SelfReviewAnswers.MaxTextLength)
        {
            Grade = GradeField(view.Answers.Strengths.GetValueOrDefault(item)?.Grade),
        },
        (input, view) =>
        {
            var errors = new List<string>();
            var text = Required(input, SelfReviewFlow.TextInput, SelfReviewFlowTexts.StrengthText, errors);
            var grade = RequiredGrade(input, StrengthTitle(item, view.Case, StrengthShortName(item)), errors);
            if (errors.Count > 0)
            {
                return SelfReviewPartReading.Refused(errors);
            }
            var strengths = new Dictionary<StrengthItem, GradedAnswer>(view.Answers.Strengths) { [item] = new GradedAnswer(text, grade) };
            return SelfReviewPartReading.Accepted(view.Answers with { Strengths = strengths });
        },
        view => new SelfReviewSummarySection(
            StrengthTitle(item, view.Case, StrengthShortName(item)),
            [GradedItem(view.Answers.Strengths.GetValueOrDefault(item))]),
        AcceptsText: false);

    private static string StrengthTitle(StrengthItem item, SelfReviewCase @case, string name) =>
        string.Format(Vietnamese, SelfReviewFlowTexts.StrengthTitle, StrengthNumber(item, @case), name);

    private static string StrengthShortName(StrengthItem item) => item switch
    {
        StrengthItem.PoliticalQuality => SelfReviewFlowTexts.StrengthShort_PoliticalQuality,
        StrengthItem.Duties => SelfReviewFlowTexts.StrengthShort_Duties,
        StrengthItem.Leadership => SelfReviewFlowTexts.StrengthShort_Leadership,
        StrengthItem.Responsibility => SelfReviewFlowTexts.StrengthShort_Responsibility,
        StrengthItem.Example => SelfReviewFlowTexts.StrengthShort_Example,
        StrengthItem.Commitment => SelfReviewFlowTexts.StrengthShort_Commitment,
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, null),
    };

    private static SelfReviewPart OneBox(
        string step, string title, string question, string label,
        Func<SelfReviewAnswers, string?> read, Func<SelfReviewAnswers, string, SelfReviewAnswers> write) => new(
        step,
        view => new SelfReviewSectionCardInput(
            title, question, [new SelfReviewTextField(SelfReviewFlow.TextInput, label, read(view.Answers))], SelfReviewAnswers.MaxTextLength),
        (input, view) =>
        {
            var errors = new List<string>();
            var text = Required(input, SelfReviewFlow.TextInput, label, errors);
            return errors.Count > 0 ? SelfReviewPartReading.Refused(errors) : SelfReviewPartReading.Accepted(write(view.Answers, text!));
        },
        view => new SelfReviewSummarySection(title, [new SelfReviewSummaryItem(label, read(view.Answers))]),
        AcceptsText: true);

    private static SelfReviewSectionCardInput IdentityCard(SelfReviewView view)
    {
        var identity = view.Answers.Identity;
        return new SelfReviewSectionCardInput(
            SelfReviewFlowTexts.IdentityTitle,
            SelfReviewFlowTexts.IdentityQuestion,
            [
                new SelfReviewTextField(SelfReviewFlow.FullNameInput, SelfReviewFlowTexts.FieldFullName, identity?.FullName) { IsMultiline = false },
                new SelfReviewTextField(SelfReviewFlow.DateOfBirthInput, SelfReviewFlowTexts.FieldDateOfBirth, FormatDate(identity?.DateOfBirth))
                {
                    IsMultiline = false,
                    IsRequired = false,
                    Placeholder = SelfReviewFlowTexts.FieldDateOfBirthPlaceholder,
                },
                new SelfReviewTextField(SelfReviewFlow.PartyPostInput, SelfReviewFlowTexts.FieldPartyPost, identity?.PartyPost) { IsRequired = false },
                new SelfReviewTextField(SelfReviewFlow.GovernmentPostInput, SelfReviewFlowTexts.FieldGovernmentPost, identity?.GovernmentPost) { IsRequired = false },
                new SelfReviewTextField(SelfReviewFlow.MassOrganisationPostInput, SelfReviewFlowTexts.FieldMassOrganisationPost, identity?.MassOrganisationPost)
                {
                    IsRequired = false,
                },
                new SelfReviewTextField(SelfReviewFlow.WorkUnitInput, SelfReviewFlowTexts.FieldWorkUnit, identity?.WorkUnit) { IsRequired = false },
                new SelfReviewTextField(SelfReviewFlow.CellInput, SelfReviewFlowTexts.FieldCell, identity?.CellName ?? view.CellName) { IsMultiline = false },
            ],
            SelfReviewAnswers.MaxTextLength);
    }

    private static SelfReviewPartReading ReadIdentity(FlowInput input, SelfReviewView view)
    {
        var errors = new List<string>();
        var fullName = Required(input, SelfReviewFlow.FullNameInput, SelfReviewFlowTexts.FieldFullName, errors);
        var dateText = Optional(input, SelfReviewFlow.DateOfBirthInput, SelfReviewFlowTexts.FieldDateOfBirth, errors);
        DateOnly? dateOfBirth = null;
        if (dateText is not null)
        {
            if (DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                dateOfBirth = parsed;
            }
            else
            {
                errors.Add(SelfReviewFlowTexts.InvalidDate);
            }
        }
        var partyPost = Optional(input, SelfReviewFlow.PartyPostInput, SelfReviewFlowTexts.FieldPartyPost, errors);
        var governmentPost = Optional(input, SelfReviewFlow.GovernmentPostInput, SelfReviewFlowTexts.FieldGovernmentPost, errors);
        var massPost = Optional(input, SelfReviewFlow.MassOrganisationPostInput, SelfReviewFlowTexts.FieldMassOrganisationPost, errors);
        var workUnit = Optional(input, SelfReviewFlow.WorkUnitInput, SelfReviewFlowTexts.FieldWorkUnit, errors);
        var cell = Required(input, SelfReviewFlow.CellInput, SelfReviewFlowTexts.FieldCell, errors);
        return errors.Count > 0
            ? SelfReviewPartReading.Refused(errors)
            : SelfReviewPartReading.Accepted(view.Answers with
            {
                Identity = new SelfReviewIdentity(fullName!, dateOfBirth, partyPost, governmentPost, massPost, workUnit, cell!),
            });
    }

    private static SelfReviewSummarySection IdentitySummary(SelfReviewView view)
    {
        var identity = view.Answers.Identity;
        var items = new List<SelfReviewSummaryItem> { new(SelfReviewFlowTexts.FieldFullName, identity?.FullName) };
        AddIfGiven(items, SelfReviewFlowTexts.FieldDateOfBirth, FormatDate(identity?.DateOfBirth));
        AddIfGiven(items, SelfReviewFlowTexts.FieldPartyPost, identity?.PartyPost);
        AddIfGiven(items, SelfReviewFlowTexts.FieldGovernmentPost, identity?.GovernmentPost);
        AddIfGiven(items, SelfReviewFlowTexts.FieldMassOrganisationPost, identity?.MassOrganisationPost);
        AddIfGiven(items, SelfReviewFlowTexts.FieldWorkUnit, identity?.WorkUnit);
        items.Add(new SelfReviewSummaryItem(SelfReviewFlowTexts.FieldCell, identity?.CellName));
        return new SelfReviewSummarySection(SelfReviewFlowTexts.IdentityTitle, items);
    }

    private static void AddIfGiven(List<SelfReviewSummaryItem> items, string label, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            items.Add(new SelfReviewSummaryItem(label, text));
        }
    }

    private static SelfReviewSummaryItem GradedItem(GradedAnswer? answer) => new(
        string.Format(Vietnamese, SelfReviewFlowTexts.GradeSummary, answer?.Grade?.DisplayName() ?? SelfReviewFlowTexts.GradeNotGiven),
        answer?.Text);

    private static SelfReviewChoiceField GradeField(CriterionGrade? grade) => new(
        SelfReviewFlow.GradeInput,
        SelfReviewFlowTexts.GradeLabel,
        [.. CriterionGrades.TopDown.Select(g => new SelfReviewChoice(g.DisplayName(), GradeValue(g)))],
        grade is { } given ? GradeValue(given) : null);

    /// <summary>The trimmed text of a required box; an error naming it when blank or too long.</summary>
    private static string? Required(FlowInput input, string id, string label, List<string> errors)
    {
        var text = input.Answer(id)?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add(string.Format(Vietnamese, SelfReviewFlowTexts.RequiredText, label));
            return null;
        }
        return WithinLimit(text, label, errors);
    }

    /// <summary>The trimmed text of an optional box (null when blank); an error naming it when too long.</summary>
    private static string? Optional(FlowInput input, string id, string label, List<string> errors)
    {
        var text = input.Answer(id)?.Trim();
        return string.IsNullOrEmpty(text) ? null : WithinLimit(text, label, errors);
    }

    private static string? WithinLimit(string text, string label, List<string> errors)
    {
        if (text.Length <= SelfReviewAnswers.MaxTextLength)
        {
            return text;
        }
        errors.Add(string.Format(Vietnamese, SelfReviewFlowTexts.TooLong,
            label, text.Length.ToString("N0", Vietnamese), SelfReviewAnswers.MaxTextLength.ToString("N0", Vietnamese)));
        return null;
    }

    private static CriterionGrade? RequiredGrade(FlowInput input, string part, List<string> errors)
    {
        var value = input.Answer(SelfReviewFlow.GradeInput)?.Trim();
        if (Enum.TryParse<CriterionGrade>(value, ignoreCase: false, out var grade) && Enum.IsDefined(grade) && value == GradeValue(grade))
        {
            return grade;
        }
        errors.Add(string.Format(Vietnamese, SelfReviewFlowTexts.RequiredGrade, part));
        return null;
    }

    private static string? FormatDate(DateOnly? date) => date?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static int IndexOf(IReadOnlyList<StrengthItem> items, StrengthItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
            {
                return i;
            }
        }
        return -1;
    }
}
