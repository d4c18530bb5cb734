using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Flows;
using KiemDiemBot.Cards;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The same member posting the same three activities in turn to the bare endpoint ("thử mẫu", the name card's
/// submit, the age card's submit, with button data shaped as the flow engine stamps it). A turn is the POST's
/// round trip.
/// </summary>
internal sealed class BareSession(BenchMember member, ActivityPoster poster, Uri endpoint, string token, string serviceUrl) : IMemberSession
{
    private int step;
    private int version;

    public async Task<TurnTiming> StepAsync(CancellationToken cancellationToken)
    {
        var activityId = BenchMember.NewActivityId();
        var body = (step++ % 3) switch
        {
            0 => member.Message(activityId, serviceUrl, FlowSession.StartText),
            1 => member.Submit(activityId, serviceUrl, Submitted(SampleFlow.NameStep, SampleFlow.NameInput, "Đảng viên " + member.Index.ToString(CultureInfo.InvariantCulture)), BenchMember.NewActivityId()),
            _ => member.Submit(activityId, serviceUrl, Submitted(SampleFlow.AgeStep, SampleFlow.AgeInput, "45"), BenchMember.NewActivityId()),
        };
        var start = Stopwatch.GetTimestamp();
        try
        {
            var status = await poster.PostAsync(endpoint, body, token, cancellationToken);
            var end = Stopwatch.GetTimestamp();
            return status == HttpStatusCode.OK
                ? new TurnTiming(start, end, end, TurnOutcome.Answered)
                : new TurnTiming(start, 0, end, TurnOutcome.Failed, "HTTP " + ((int)status).ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new TurnTiming(start, 0, Stopwatch.GetTimestamp(), TurnOutcome.Failed, "POST " + exception.GetType().Name);
        }
    }

    private JsonObject Submitted(string flowStep, string inputId, string answer) => new()
    {
        [CardDataKeys.Verb] = CardVerbs.FlowSubmit,
        [CardDataKeys.Step] = flowStep,
        [CardDataKeys.CardVersion] = QuestionCard.CardVersion,
        [CardDataKeys.Flow] = SampleFlow.FlowName,
        [CardDataKeys.FlowVersion] = ++version,
        [CardDataKeys.Owner] = member.ObjectId.ToString("D"),
        [inputId] = answer,
    };
}
