using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>Answers the invoke "test/echo" with 200 and <c>{"echo": activity id}</c>, counting its calls.</summary>
public sealed class TestInvokeHandler : IInvokeHandler
{
    public const string InvokeName = "test/echo";

    private int calls;

    public string Name => InvokeName;

    public int Calls => Volatile.Read(ref calls);

    public Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref calls);
        return Task.FromResult(new InvokeResponse(200, new JsonObject { ["echo"] = activity.Id }));
    }
}
