using System.Threading.Channels;
using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Drains each partition of <see cref="ActivityQueue"/> one turn at a time, in arrival order, each turn in its
/// own DI scope; the partitions run side by side. A turn that fails is logged, the member is told (so they
/// are not left waiting) and the next one runs.
/// </summary>
internal sealed class ActivityQueueWorker(ActivityQueue queue, IServiceScopeFactory scopes, ILogger<ActivityQueueWorker> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(queue.Readers.Select(reader => DrainAsync(reader, stoppingToken)));

    private async Task DrainAsync(ChannelReader<Activity> reader, CancellationToken stoppingToken)
    {
        await foreach (var activity in reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            await ProcessAsync(activity, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(Activity activity, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                var processor = scope.ServiceProvider.GetRequiredService<TurnProcessor>();
                await processor.ProcessAsync(activity, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TurnFailed(exception, activity.Type, activity.Id);
                await NoticeFailureAsync(activity, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    private async Task NoticeFailureAsync(Activity activity, CancellationToken stoppingToken)
    {
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<TurnFailureNotice>().SendAsync(activity, stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.TurnFailureNoticeFailed(exception, activity.Id);
            }
        }
    }
}
