using KiemDiemBot.Dialogs.Flows;

namespace KiemDiemBot.Bot.Tests.Flows;

/// <summary>The sample flow kept per review cycle ("thử mẫu đợt"), always in <see cref="CycleId"/>.</summary>
public sealed class PerCycleSampleFlow : SampleFlow
{
    public const string PerCycleFlowName = "sample-cycle";
    public const string PerCycleCommand = "thu mau dot";

    public static readonly Guid CycleId = Guid.Parse("7a3e9c14-0b5d-4f62-8e17-3d9a2c6b5f80");

    public override string Name => PerCycleFlowName;

    public override IReadOnlyCollection<string> StartCommands => [PerCycleCommand];

    protected override Task<FlowStart<SampleFlowState>> StartAsync(FlowContext context, CancellationToken cancellationToken) =>
        Task.FromResult(FlowStart.BeginInCycle(CycleId, new SampleFlowState()));
}
