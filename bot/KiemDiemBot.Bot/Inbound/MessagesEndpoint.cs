using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// <c>POST /api/messages</c>, where the channel delivers activities (PROTOCOL.md 11.1-11.4): authenticate,
/// then answer an invoke in the body of the same POST, or queue anything else and answer 200 with no body.
/// Nothing runs for a request that fails authentication.
/// </summary>
public static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync);

    private static async Task HandleAsync(
        HttpContext context,
        InboundAuthenticator authenticator,
        ActivityQueue queue,
        ILoggerFactory loggerFactory)
    {
        var cancellationToken = context.RequestAborted;
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint));

        // The activity is parsed first because the last checks need its channelId, serviceUrl and tenant,
        // but nothing is done with it before the token has been validated.
        var activity = await ActivityReader.TryReadAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
        var authentication = await authenticator.AuthenticateAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (authentication.Identity is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (activity is null)
        {
            logger.BadRequest("malformed JSON");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        var failure = await authenticator.AuthorizeActivityAsync(authentication.Identity, activity, cancellationToken).ConfigureAwait(false);
        if (failure != InboundAuthFailure.None)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (string.IsNullOrEmpty(activity.Type))
        {
            logger.BadRequest("missing type");
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            await AnswerInvokeAsync(context, activity, logger).ConfigureAwait(false);
            return;
        }
        await queue.EnqueueAsync(activity, cancellationToken).ConfigureAwait(false);
        logger.ActivityQueued(activity.Type, activity.Id);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static async Task AnswerInvokeAsync(HttpContext context, Activity activity, ILogger logger)
    {
        var cancellationToken = context.RequestAborted;
        var services = context.RequestServices;
        await services.GetRequiredService<ConversationReferenceRecorder>().RecordAsync(activity, cancellationToken).ConfigureAwait(false);

        var handler = services.GetRequiredService<InvokeRouter>().Find(activity.Name);
        if (handler is null)
        {
            logger.InvokeUnhandled(activity.Name, activity.Id);
            context.Response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }
        var response = await handler.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
        logger.InvokeAnswered(handler.Name, activity.Id, response.Status);
        context.Response.StatusCode = response.Status;
        if (response.Body is not null)
        {
            await context.Response.WriteAsJsonAsync(response.Body, response.Body.GetType(), ProtocolJson.Options, cancellationToken).ConfigureAwait(false);
        }
    }
}
