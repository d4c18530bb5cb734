using Hangfire;
using Hangfire.Storage;
using KiemDiemBot.Bot.Tests.CommandLine;
using KiemDiemBot.Bot.Tests.Fakes;
using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Graph;

/// <summary>The nightly roster sync as the host schedules and runs it, and the <c>sync</c> command as a process.</summary>
public sealed class RosterSyncJobTests
{
    [Fact]
    public async Task Start_RosterSyncEnabled_NightlyJobRegisteredAtItsTimeInVietnam()
    {
        await using var scene = await RosterSyncScene.StartAsync(StorageProvider.Sqlite, [], []);
        _ = scene.Host.Services;

        using var connection = scene.Host.Services.GetRequiredService<JobStorage>().GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs(), j => j.Id == RosterSyncJob.RecurringId);

        Assert.Equal(Cron.Daily(2, 0), job.Cron);
        Assert.Equal(VietnamTime.Zone.Id, job.TimeZoneId);
        Assert.Equal(typeof(RosterSyncJob), job.Job.Type);
    }

    [Fact]
    public async Task SyncAllAsync_LinkedOrganisation_DeltaRoundCommitted()
    {
        await using var scene = await RosterSyncScene.StartAsync(StorageProvider.Sqlite,
            [RosterSyncScene.User(1), RosterSyncScene.User(2)], [RosterSyncScene.Member(1), RosterSyncScene.Member(2)]);
        var (first, _) = await scene.Host.RunPassingWaitsAsync(s => s.GetRequiredService<RosterSyncJob>().SyncAllAsync(CancellationToken.None));
        scene.Directory.RemoveMember(RosterSyncScene.GroupId, RosterSyncScene.User(2).Id);

        var (second, _) = await scene.Host.RunPassingWaitsAsync(s => s.GetRequiredService<RosterSyncJob>().SyncAllAsync(CancellationToken.None));

        Assert.Equal(new RosterSyncOutcome(1, 1, 0), first);
        Assert.Equal(new RosterSyncOutcome(1, 1, 0), second);
        Assert.NotNull((await scene.MembersAsync()).Single(m => m.Code == "DV0002").LeftDirectoryAt);
        Assert.Contains(scene.Graph.Requests, r => r.Path.EndsWith("/groups/delta", StringComparison.Ordinal) && r.Query.Contains("$deltatoken=0.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SyncAllAsync_GraphRefusesOneOrganisation_CountedFailedNothingCommittedForIt()
    {
        await using var scene = await RosterSyncScene.StartAsync(StorageProvider.Sqlite, [RosterSyncScene.User(1)], [RosterSyncScene.Member(1)]);
        scene.Graph.FailNext(1, FakeGraphFailure.Forbidden, "/groups/delta");

        var (outcome, _) = await scene.Host.RunPassingWaitsAsync(s => s.GetRequiredService<RosterSyncJob>().SyncAllAsync(CancellationToken.None));

        Assert.Equal(new RosterSyncOutcome(1, 0, 1), outcome);
        Assert.Empty(await scene.PeopleAsync());
    }

    [Fact]
    public async Task SyncCommand_RosterSyncNotEnabled_OneVietnameseLineAndExitCode2()
    {
        var (exitCode, output, error) = await HostProcess.RunAsync("sync");

        Assert.Equal(2, exitCode);
        Assert.Equal("", error);
        Assert.Equal(
            "Chưa bật đồng bộ danh sách từ Microsoft 365: đặt Graph:Roster:Enabled=true cùng ứng dụng của bot (Bot:MicrosoftAppId, Bot:MicrosoftAppPassword, Bot:MicrosoftAppTenantId).",
            output.Trim());
    }

    [Fact]
    public async Task SyncCommand_WrongUsage_SaysHowInVietnameseAndExitCode2()
    {
        var (exitCode, output, _) = await HostProcess.RunAsync("sync", "link", "CB-VP");

        Assert.Equal(2, exitCode);
        Assert.Equal("Cách dùng: sync link <mã tổ chức> <id nhóm>, hoặc sync [mã tổ chức]", output.Trim());
    }
}
