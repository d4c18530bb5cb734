using KiemDiemBot.Core.Identity;
using System.Text.Json.Nodes;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>
/// The dialogs and the flow engine over real storage, run the way the turn pipeline runs them: each turn in its
/// own scope, routed by card verb, then command, then the active flow, then the fallback, and committed once
/// through <see cref="IUnitOfWork"/>. Disposing the host and starting another on the same
/// <see cref="FlowTestDatabase"/> is a restart. The sample flows are registered.
/// </summary>
public sealed class FlowTestHost : IAsyncDisposable
{
    private readonly ServiceProvider services;

    private FlowTestHost(ServiceProvider services) => this.services = services;

    public static FlowTestHost Start(FlowTestDatabase database, FakeTimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection()
            .AddSingleton<TimeProvider>(clock)
            .AddLogging()
            .AddKiemDiemStorage(database.Options)
            .AddKiemDiemMemberDirectory(new ReviewOptions())
            .AddKiemDiemDialogs()
            .AddKiemDiemFlow<SampleFlow>()
            .AddKiemDiemFlow<PerCycleSampleFlow>()
            .AddScoped<IFileOffer, NoFileOffer>()
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new FlowTestHost(services);
    }

    /// <summary>Runs a turn and commits it; answers the replies the pipeline would send.</summary>
    public async Task<IReadOnlyList<DialogReply>> RunAsync(DialogTurn turn)
    {
        await using var pending = await BeginAsync(turn);
        await pending.CommitAsync();
        return pending.Replies;
    }

    /// <summary>Runs a turn, commits it and shows its replies in <paramref name="chat"/>; answers the new messages.</summary>
    public async Task<IReadOnlyList<ChatMessage>> SendAsync(ChatTranscript chat, DialogTurn turn)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return chat.Apply(await RunAsync(turn));
    }

    /// <summary>Runs a turn in a new scope without committing it.</summary>
    public async Task<PendingFlowTurn> BeginAsync(DialogTurn turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var scope = services.CreateAsyncScope();
        try
        {
            var (answerer, replies) = await RouteAsync(scope.ServiceProvider, turn);
            return new PendingFlowTurn(scope, answerer, replies);
        }
        catch
        {
            await scope.DisposeAsync();
            throw;
        }
    }

    public async Task<StoredFlowState?> FindStateAsync(FlowStateKey key)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IFlowStateStore>().FindAsync(key, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();

    private static async Task<(TurnAnswerer, IReadOnlyList<DialogReply>)> RouteAsync(IServiceProvider provider, DialogTurn turn)
    {
        var dialogs = provider.GetServices<IDialog>().ToList();
        var verb = turn.Value?[CardDataKeys.Verb] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var command = CommandText.Normalize(turn.Text);
        var dialog = verb is not null
            ? dialogs.SingleOrDefault(d => d.Verbs.Contains(verb))
            : dialogs.SingleOrDefault(d => d.Commands.Contains(command));
        if (dialog is not null)
        {
            return (TurnAnswerer.Dialog, await dialog.RunAsync(turn, CancellationToken.None));
        }
        if (await provider.GetRequiredService<IActiveFlowDialog>().ContinueAsync(turn, CancellationToken.None) is { } taken)
        {
            return (TurnAnswerer.ActiveFlow, taken);
        }
        return (TurnAnswerer.Fallback, await provider.GetRequiredService<IFallbackDialog>().NotUnderstoodAsync(turn, CancellationToken.None));
    }
}
