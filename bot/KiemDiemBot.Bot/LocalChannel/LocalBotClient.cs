using System.Net.Http.Json;
using KiemDiemBot.Bot.Protocol;

namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// Delivers what users write to the bot the way a channel does: an HTTP POST of the activity to the
/// host's own <c>/api/messages</c> on loopback. Local mode has no App ID, so no Authorization header is sent.
/// </summary>
public sealed class LocalBotClient(HttpClient http, LocalChannelAddress address, ILogger<LocalBotClient> logger)
{
    /// <summary>Posts the activity; true when the bot accepted it (2xx).</summary>
    public async Task<bool> DeliverAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(address.BotEndpoint, activity, ProtocolJson.Options, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LocalChannelLog.BotRefused(logger, activity.Type, activity.Conversation?.Id, (int)response.StatusCode);
            }
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException exception)
        {
            LocalChannelLog.BotUnreachable(logger, activity.Type, activity.Conversation?.Id, exception);
            return false;
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            LocalChannelLog.BotUnreachable(logger, activity.Type, activity.Conversation?.Id, exception);
            return false;
        }
    }
}
