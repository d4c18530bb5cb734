using System.Text;
using System.Text.Json;
using KiemDiemBot.Bot.Protocol;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// The baseline: a bare ASP.NET Core endpoint on Kestrel (127.0.0.1) that reads the same activity JSON, parses it
/// with the bot's own protocol types, and writes one row to PostgreSQL (keyed like the bot's inbox, with the
/// payload), then answers 200. No token check, no worker, no reply.
/// </summary>
internal sealed class BareEndpoint : IAsyncDisposable
{
    private const string Insert = """
        INSERT INTO bare_activities (conversation_id, activity_id, payload) VALUES ($1, $2, $3)
        ON CONFLICT (conversation_id, activity_id) DO NOTHING
        """;

    private readonly WebApplication app;
    private readonly NpgsqlDataSource database;

    private BareEndpoint(WebApplication app, NpgsqlDataSource database)
    {
        this.app = app;
        this.database = database;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<BareEndpoint> StartAsync(string connectionString)
    {
        var database = NpgsqlDataSource.Create(connectionString);
        await using (var create = database.CreateCommand("""
            CREATE TABLE IF NOT EXISTS bare_activities (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                conversation_id text NOT NULL,
                activity_id text NOT NULL,
                payload text NOT NULL,
                UNIQUE (conversation_id, activity_id))
            """))
        {
            await create.ExecuteNonQueryAsync();
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var endpoint = new BareEndpoint(app, database);
        app.MapPost("/api/messages", endpoint.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await database.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var activity = JsonSerializer.Deserialize<Activity>(body, ProtocolJson.Options);
        if (activity?.Conversation?.Id is not { } conversationId || activity.Id is not { } activityId)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        await using var command = database.CreateCommand(Insert);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = conversationId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = activityId });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Encoding.UTF8.GetString(body) });
        await command.ExecuteNonQueryAsync(context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
