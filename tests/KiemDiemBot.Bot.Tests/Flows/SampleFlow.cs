using System.Globalization;
using KiemDiemBot.Cards;
using KiemDiemBot.Dialogs.Flows;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>The sample flow's state: the two answers, empty until given.</summary>
public sealed record SampleFlowState(string? Name = null, int? Age = null);

/// <summary>
/// A two-step flow that exists only to prove the engine: "thử mẫu" asks the member's name, then their age, then
/// ends with a card showing both. Both steps also take a typed answer. Register it with
/// <c>services.AddKiemDiemFlow&lt;SampleFlow&gt;()</c> (for the HTTP tests: in ConfigureTestServices).
/// </summary>
public class SampleFlow : Flow<SampleFlowState>
{
    public const string FlowName = "sample";
    public const string Command = "thu mau";
    public const string NameStep = "name";
    public const string AgeStep = "age";
    public const string NameInput = "name";
    public const string AgeInput = "age";
    public const string NameTitle = "Mẫu thử: họ và tên";
    public const string AgeTitle = "Mẫu thử: tuổi";
    public const string DoneTitle = "Mẫu thử đã xong";
    public const string NameMissing = "Đồng chí chưa nhập họ và tên.";
    public const string AgeInvalid = "Tuổi phải là một số từ 18 đến 120.";

    public override string Name => FlowName;

    public override IReadOnlyCollection<string> StartCommands => [Command];

    protected override IReadOnlyList<FlowStep<SampleFlowState>> Steps { get; } =
    [
        new(NameStep)
        {
            Card = (state, errors) => QuestionCard.Build(new QuestionCardInput(NameTitle, "Họ và tên của đồng chí?", NameInput)
            {
                Answer = state.Name,
                Errors = errors,
            }),
            Summary = state => AnsweredCard.Build(new AnsweredCardInput(NameTitle, [new AnsweredCardFact("Họ và tên", state.Name)])),
            Answer = (answer, _) => Task.FromResult(AnswerName(answer)),
            AcceptsText = true,
        },
        new(AgeStep)
        {
            Card = (state, errors) => QuestionCard.Build(new QuestionCardInput(AgeTitle, "Đồng chí bao nhiêu tuổi?", AgeInput)
            {
                Answer = state.Age?.ToString(CultureInfo.InvariantCulture),
                Errors = errors,
            }),
            Summary = state => AnsweredCard.Build(new AnsweredCardInput(AgeTitle, [new AnsweredCardFact("Tuổi", AgeText(state))])),
            Answer = (answer, _) => Task.FromResult(AnswerAge(answer)),
            AcceptsText = true,
        },
    ];

    protected override Task<FlowStart<SampleFlowState>> StartAsync(FlowContext context, CancellationToken cancellationToken) =>
        Task.FromResult(FlowStart.Begin(new SampleFlowState()));

    private static StepOutcome<SampleFlowState> AnswerName(FlowAnswer<SampleFlowState> answer)
    {
        var name = answer.Input.Answer(NameInput)?.Trim();
        return string.IsNullOrEmpty(name)
            ? answer.Stay(NameMissing)
            : answer.Next(AgeStep, answer.State with { Name = name });
    }

    private static StepOutcome<SampleFlowState> AnswerAge(FlowAnswer<SampleFlowState> answer)
    {
        if (!int.TryParse(answer.Input.Answer(AgeInput)?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var age)
            || age is < 18 or > 120)
        {
            return answer.Stay(AgeInvalid);
        }
        var done = answer.State with { Age = age };
        return answer.Complete(done, AnsweredCard.Build(new AnsweredCardInput(DoneTitle,
        [
            new AnsweredCardFact("Họ và tên", done.Name),
            new AnsweredCardFact("Tuổi", AgeText(done)),
        ])));
    }

    private static string? AgeText(SampleFlowState state) => state.Age?.ToString(CultureInfo.InvariantCulture);
}
