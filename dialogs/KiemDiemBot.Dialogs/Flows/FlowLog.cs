using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Dialogs.Flows;

/// <summary>The flow engine's log: flow and step names, versions and outcomes only, never answers or card values.</summary>
internal static partial class FlowLog
{
    [LoggerMessage(EventId = 1401, Level = LogLevel.Debug, Message = "Flow {Flow} started at step {Step}, version {Version}")]
    public static partial void Started(ILogger logger, string flow, string step, int version);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Debug, Message = "Flow {Flow} moved from step {Step} to {NextStep}, version {Version}")]
    public static partial void Moved(ILogger logger, string flow, string step, string nextStep, int version);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Information, Message = "Flow {Flow} completed at step {Step}, version {Version}")]
    public static partial void Completed(ILogger logger, string flow, string step, int version);

    [LoggerMessage(EventId = 1404, Level = LogLevel.Debug, Message = "Flow {Flow} kept step {Step}: the answer had {ErrorCount} errors")]
    public static partial void AnswerRefused(ILogger logger, string flow, string step, int errorCount);

    [LoggerMessage(EventId = 1405, Level = LogLevel.Information,
        Message = "Out-of-date card of flow {Flow} (step {CardStep}, version {CardVersion}); current step {Step}, version {Version}")]
    public static partial void OutOfDate(ILogger logger, string flow, string cardStep, int cardVersion, string? step, int version);

    [LoggerMessage(EventId = 1406, Level = LogLevel.Information, Message = "Refused a submit on another member's card of flow {Flow}, step {Step}")]
    public static partial void ForeignCard(ILogger logger, string flow, string step);

    [LoggerMessage(EventId = 1407, Level = LogLevel.Information, Message = "Refused a flow submit whose card data is incomplete")]
    public static partial void UnreadableSubmit(ILogger logger);

    [LoggerMessage(EventId = 1408, Level = LogLevel.Debug, Message = "Flow {Flow} cancelled at step {Step}, version {Version}")]
    public static partial void Cancelled(ILogger logger, string flow, string step, int version);

    [LoggerMessage(EventId = 1409, Level = LogLevel.Debug, Message = "Flow {Flow} resumed at step {Step}, version {Version}")]
    public static partial void Resumed(ILogger logger, string flow, string step, int version);

    [LoggerMessage(EventId = 1410, Level = LogLevel.Debug, Message = "Flow {Flow} did not start: the flow refused")]
    public static partial void StartRefused(ILogger logger, string flow);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Warning, Message = "The active flow {Flow} at step {Step} is not known to this build")]
    public static partial void UnknownActiveFlow(ILogger logger, string flow, string step);

    [LoggerMessage(EventId = 1412, Level = LogLevel.Warning, Message = "A turn without a roster member reached the flow engine; ignored")]
    public static partial void TurnWithoutMember(ILogger logger);
}
