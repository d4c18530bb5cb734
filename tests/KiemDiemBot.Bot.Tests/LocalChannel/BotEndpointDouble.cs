using System.Text.Json;
using System.Threading.Channels;
using KiemDiemBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.LocalChannel;

/// <summary>
/// Stands in for the bot's <c>/api/messages</c> (the turn pipeline is not part of these tests): records
/// every activity the local channel delivers, answers with <see cref="StatusCode"/>, and lets a test
/// decide what the "bot" does with a message before answering. It is mapped ahead of the host's own
/// endpoints, so it also stands in when the real endpoint exists.
/// </summary>
internal sealed class BotEndpointDouble : IStartupFilter
{
    private readonly Channel<Activity> _received = Channel.CreateUnbounded<Activity>();

    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>The Authorization header of the last delivery ("" when there was none).</summary>
    public string? LastAuthorization { get; private set; }

    /// <summary>Runs for each delivered activity before the answer, like a bot's turn.</summary>
    public Func<Activity, Task>? OnActivity { get; set; }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Map("/api/messages", branch => branch.Run(HandleAsync));
        next(app);
    };

    /// <summary>The next activity of this type the channel delivered, waiting at most ten seconds.</summary>
    public async Task<Activity> NextAsync(string type)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var activity = await _received.Reader.ReadAsync(timeout.Token);
            if (activity.Type == type)
            {
                return activity;
            }
        }
    }

    /// <summary>What has been delivered and not read yet, without waiting.</summary>
    public IReadOnlyList<Activity> Drain()
    {
        var activities = new List<Activity>();
        while (_received.Reader.TryRead(out var activity))
        {
            activities.Add(activity);
        }
        return activities;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, ProtocolJson.Options, context.RequestAborted)
            ?? throw new InvalidOperationException("The channel posted an empty body.");
        LastAuthorization = context.Request.Headers.Authorization.ToString();
        await _received.Writer.WriteAsync(activity, context.RequestAborted);
        if (OnActivity is not null)
        {
            await OnActivity(activity);
        }
        context.Response.StatusCode = StatusCode;
    }
}
