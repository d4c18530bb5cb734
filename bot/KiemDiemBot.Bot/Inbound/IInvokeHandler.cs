using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Answers one invoke <c>name</c> (e.g. <c>adaptiveCard/action</c>, <c>task/fetch</c>) in the HTTP body of the
/// same POST (PROTOCOL.md 4.1). Teams waits about 5 seconds: slow work belongs in a job.
/// </summary>
public interface IInvokeHandler
{
    string Name { get; }

    Task<InvokeResponse> HandleAsync(Activity activity, CancellationToken cancellationToken);
}
