using KiemDiemBot.Bot.Protocol;
using KiemDiemBot.Bot.Turns;

namespace KiemDiemBot.Bot.Inbound;

/// <summary>
/// Drains <see cref="ActivityQueue"/> one turn at a time, in arrival order, each in its own DI scope. A turn
/// that fails is logged and the next one runs.
/// </summary>
internal sealed class ActivityQueueWorker(ActivityQueue queue, IServiceScopeFactory scopes, ILogger<ActivityQueueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var activity in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
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
            }
        }
    }
}
