using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Tests.Flows;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// A member going through the sample flow with the bot, as in Teams: "thử mẫu", then each card the bot sent
/// filled in and submitted (its button's data plus the answer, replying to the card's message), then from the
/// start again. A turn lasts from the start of its POST until the bot's reply to it reaches the Connector
/// (the answered card's in-place update goes out before it); the member's next turn starts then.
/// </summary>
internal sealed class FlowSession(BenchMember member, ActivityPoster poster, Uri endpoint, string token, BenchConnector connector) : IMemberSession
{
    public const string StartText = "thử mẫu";

    private FlowQuestion? question;

    public async Task<bool> InstallAsync(CancellationToken cancellationToken)
    {
        var activityId = BenchMember.NewActivityId();
        var (_, _, reply, _) = await TurnExchange.RunAsync(poster, endpoint, token, connector, member.ConversationId, activityId, member.Install(activityId, connector.ServiceUrl), cancellationToken);
        return reply is not null;
    }

    public async Task<TurnTiming> StepAsync(CancellationToken cancellationToken)
    {
        var activityId = BenchMember.NewActivityId();
        var asked = question;
        var body = asked is null
            ? member.Message(activityId, connector.ServiceUrl, StartText)
            : member.Submit(activityId, connector.ServiceUrl, Answer(asked), asked.CardActivityId);
        var (start, acknowledged, reply, failure) = await TurnExchange.RunAsync(poster, endpoint, token, connector, member.ConversationId, activityId, body, cancellationToken);
        if (reply is null)
        {
            question = null;
            return new TurnTiming(start, acknowledged, Stopwatch.GetTimestamp(), TurnOutcome.Failed, failure);
        }
        question = FlowCardReader.Read(reply);
        var expected = asked?.InputId switch
        {
            null => question is not null,
            SampleFlow.NameInput => question?.InputId == SampleFlow.AgeInput,
            _ => question is null,
        };
        return new TurnTiming(start, acknowledged, reply.ArrivedAt, expected ? TurnOutcome.Answered : TurnOutcome.Unexpected);
    }

    private JsonObject Answer(FlowQuestion asked)
    {
        var value = (JsonObject)asked.Data.DeepClone();
        value[asked.InputId] = asked.InputId == SampleFlow.AgeInput ? "45" : "Đảng viên " + member.Index.ToString(CultureInfo.InvariantCulture);
        return value;
    }
}
