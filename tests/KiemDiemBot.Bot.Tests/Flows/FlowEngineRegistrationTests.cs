using KiemDiemBot.Cards;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Dialogs.Flows;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>A badly declared flow stops the engine from being built, with a message naming the flow.</summary>
public sealed class FlowEngineRegistrationTests
{
    [Fact]
    public void FlowEngine_SampleFlowsRegistered_ClaimsTheirCommandsAndTheFlowVerb()
    {
        var engine = Resolve(services => services.AddKiemDiemFlow<SampleFlow>().AddKiemDiemFlow<PerCycleSampleFlow>());

        Assert.Equal([FlowEngine.CancelCommand, FlowEngine.ResumeCommand], engine.Commands.Take(2));
        Assert.Equal(
            [SampleFlow.Command, PerCycleSampleFlow.PerCycleCommand],
            engine.Commands.Where(command => command is SampleFlow.Command or PerCycleSampleFlow.PerCycleCommand));
        Assert.Contains(CardVerbs.FlowSubmit, engine.Verbs);
    }

    [Fact]
    public void FlowEngine_TwoFlowsWithOneName_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            Resolve(services => services.AddKiemDiemFlow<SampleFlow>().AddKiemDiemFlow<SampleFlow>()));

        Assert.Contains($"'{SampleFlow.FlowName}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowEngine_FlowClaimingHuy_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(services => services.AddKiemDiemFlow<HuyFlow>()));

        Assert.Contains("'huy'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowEngine_CommandNotNormalized_Throws()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolve(services => services.AddKiemDiemFlow<AccentedCommandFlow>()));

        Assert.Contains("'Thử lại'", error.Message, StringComparison.Ordinal);
    }

    private static FlowEngine Resolve(Action<IServiceCollection> addFlows)
    {
        // Nothing here touches the database.
        var services = new ServiceCollection()
            .AddSingleton(TimeProvider.System)
            .AddLogging()
            .AddKiemDiemStorage(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=unused.db" })
            .AddKiemDiemMemberDirectory(new ReviewOptions())
            .AddKiemDiemDialogs();
        addFlows(services);
        using var provider = services.BuildServiceProvider();
        using var scope = provider.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FlowEngine>();
    }

    private sealed class HuyFlow : SampleFlow
    {
        public override string Name => "takes-huy";

        public override IReadOnlyCollection<string> StartCommands => [FlowEngine.CancelCommand];
    }

    private sealed class AccentedCommandFlow : SampleFlow
    {
        public override string Name => "accented";

        public override IReadOnlyCollection<string> StartCommands => ["Thử lại"];
    }
}
