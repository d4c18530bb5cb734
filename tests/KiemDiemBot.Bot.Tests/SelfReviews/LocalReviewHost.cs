using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Flows;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// The real host in local mode (no app id: the host plays the channel) on a given database, with the demo
/// organisation and its open cycle, and the flow engine with the self-review flows as the dialogs; the
/// Connector is a <see cref="TestConnectorClient"/>, so what the bot sends can be read in order. Activities are
/// posted to /api/messages from the loopback address, as the local channel posts them. Disposing one and
/// starting another on the same database and connector is a restart.
/// </summary>
public sealed class LocalReviewHost : IAsyncDisposable
{
    private LocalReviewHost(BotApplicationFactory factory) => Factory = factory;

    public BotApplicationFactory Factory { get; }

    public TestConnectorClient Connector => Factory.Connector;

    public FakeTimeProvider Clock => Factory.Clock;

    /// <param name="dialogs">More dialogs beside the flow engine (e.g. the secretary's progress card and its buttons).</param>
    public static async Task<LocalReviewHost> StartAsync(
        MigratedStorage storage, FakeTimeProvider clock, TestConnectorClient connector, Action<IServiceCollection>? dialogs = null)
    {
        ArgumentNullException.ThrowIfNull(storage);
        var factory = BotApplicationFactory.ForLocal(new TestHostSettings
        {
            Provider = storage.Provider,
            ConnectionString = storage.ConnectionString,
            Clock = clock,
            Connector = connector,
            Services = services =>
            {
                services.AddScoped<IDialog>(p => p.GetRequiredService<FlowEngine>());
                dialogs?.Invoke(services);
            },
        });
        await TestRoster.SeedDemoAsync(factory.Services);
        return new LocalReviewHost(factory);
    }

    /// <summary>Posts an activity as the local channel does (from loopback); fails unless it is accepted.</summary>
    public async Task PostAsync(JsonObject activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var context = await Factory.Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = IPAddress.Loopback;
            http.Request.Method = HttpMethods.Post;
            http.Request.Path = MessagesEndpoint.Route;
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        });
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    /// <summary>The next <paramref name="count"/> messages the bot sends.</summary>
    public async Task<IReadOnlyList<SentActivity>> TakeAsync(int count)
    {
        var taken = new List<SentActivity>(count);
        for (var i = 0; i < count; i++)
        {
            taken.Add(await Connector.NextAsync());
        }
        return taken;
    }

    /// <summary>Runs work in a scope of the host, as a turn or a job would, and commits it.</summary>
    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await work(scope.ServiceProvider);
        await scope.ServiceProvider.GetRequiredService<KiemDiemBot.Core.Storage.IUnitOfWork>().CommitAsync(CancellationToken.None);
        return result;
    }

    public ValueTask DisposeAsync() => Factory.DisposeAsync();
}
