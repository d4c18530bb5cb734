using Hangfire;
using Hangfire.Storage;
using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Scheduler;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Hosting;

/// <summary>The recurring jobs the host registers at start, as the jobs dashboard lists them.</summary>
public sealed class RecurringJobsTests
{
    [Fact]
    public async Task Start_PruneJobRegisteredHourlyInVietnamTime()
    {
        await using var bot = await ChannelBot.StartAsync();
        _ = bot.Factory.Server;

        using var connection = bot.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        var prune = Assert.Single(connection.GetRecurringJobs(), job => job.Id == PruneTurnsJob.RecurringId);

        Assert.Equal(Cron.Hourly(), prune.Cron);
        Assert.Equal(VietnamTime.Zone.Id, prune.TimeZoneId);
        Assert.Equal(typeof(PruneTurnsJob), prune.Job.Type);
    }
}
