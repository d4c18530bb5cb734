using System.Text;
using System.Text.Json;
using KiemDiemBot.Bot.Auth;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Turns;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// <c>POST /api/messages</c>, where the channel delivers activities (PROTOCOL.md 11.1-11.4). In order: the
/// token (before a byte of the body is read), the content type, the size, the JSON, the activity's own checks.
/// Then an invoke is answered in the body of the same POST; anything else is stored in the durable inbox and
/// answered 200: from then on it is never lost, and a redelivery of the same activity id changes nothing.
/// </summary>
public static class MessagesEndpoint
{
    public const string Route = "/api/messages";

    public static RouteHandlerBuilder MapBotMessages(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(Route, HandleAsync);

    private static async Task HandleAsync(
        HttpContext context,
        InboundAuthenticator authenticator,
        BotOptions options,
        ITurnInbox inbox,
        TurnSignal signal,
        ILoggerFactory loggerFactory)
    {
        var cancellationToken = context.RequestAborted;
        var logger = loggerFactory.CreateLogger(typeof(MessagesEndpoint));

        var authentication = await authenticator.AuthenticateAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (authentication.Identity is null)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        if (!ActivityReader.IsJson(context.Request))
        {
            logger.BadRequest("not application/json");
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }
        var body = await ActivityReader.ReadBodyAsync(context.Request, options.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            logger.BadRequest("body over the size limit");
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        var activity = ActivityReader.TryParse(body);
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

        var envelope = new InboundEnvelope(
            activity.ChannelId ?? string.Empty,
            activity.Conversation?.Id ?? string.Empty,
            ActivityReader.IdOf(activity, body),
            activity.Type,
            Encoding.UTF8.GetString(body));
        if (string.Equals(activity.Type, ActivityTypes.Invoke, StringComparison.Ordinal))
        {
            await AnswerInvokeAsync(context, activity, envelope, inbox, logger).ConfigureAwait(false);
            return;
        }
        if (await inbox.AdmitAsync(envelope, cancellationToken).ConfigureAwait(false))
        {
            signal.Notify(envelope.Conversation);
            logger.ActivityStored(activity.Type, activity.Id);
        }
        else
        {
            logger.ActivityRepeated(activity.Type, activity.Id);
        }
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Runs the invoke's handler once: a repeated delivery gets the answer recorded the first time (or an
    /// empty 200 while the first is still being answered) and runs nothing.
    /// </summary>
    private static async Task AnswerInvokeAsync(HttpContext context, Activity activity, InboundEnvelope envelope, ITurnInbox inbox, ILogger logger)
    {
        var cancellationToken = context.RequestAborted;
        var services = context.RequestServices;
        if (!await inbox.ClaimInvokeAsync(envelope, cancellationToken).ConfigureAwait(false))
        {
            logger.ActivityRepeated(activity.Type, activity.Id);
            var earlier = await inbox.FindInvokeAnswerAsync(envelope.Conversation, envelope.ActivityId, cancellationToken).ConfigureAwait(false);
            await WriteAsync(context, earlier?.Status ?? StatusCodes.Status200OK, earlier?.Body, cancellationToken).ConfigureAwait(false);
            return;
        }

        await services.GetRequiredService<ConversationReferenceRecorder>().RecordAsync(activity, cancellationToken).ConfigureAwait(false);
        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken).ConfigureAwait(false);

        var handler = services.GetRequiredService<InvokeRouter>().Find(activity.Name);
        InvokeAnswer answer;
        if (handler is null)
        {
            logger.InvokeUnhandled(activity.Name, activity.Id);
            answer = new InvokeAnswer(StatusCodes.Status501NotImplemented, null);
        }
        else
        {
            var response = await handler.HandleAsync(activity, cancellationToken).ConfigureAwait(false);
            logger.InvokeAnswered(handler.Name, activity.Id, response.Status);
            var json = response.Body is null ? null : JsonSerializer.Serialize(response.Body, response.Body.GetType(), ProtocolJson.Options);
            answer = new InvokeAnswer(response.Status, json);
        }
        await inbox.RecordInvokeAnswerAsync(envelope.Conversation, envelope.ActivityId, answer, cancellationToken).ConfigureAwait(false);
        await WriteAsync(context, answer.Status, answer.Body, cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteAsync(HttpContext context, int status, string? json, CancellationToken cancellationToken)
    {
        context.Response.StatusCode = status;
        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json, cancellationToken).ConfigureAwait(false);
        }
    }
}
