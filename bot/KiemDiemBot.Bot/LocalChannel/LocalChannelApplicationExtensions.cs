using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Files;

namespace KiemDiemBot.Bot.LocalChannel;

public static class LocalChannelApplicationExtensions
{
    /// <summary>
    /// In local mode: serves the Web Chat page at <c>/</c> (wwwroot/index.html with the Direct Line secret,
    /// Web Chat's bundle under <c>/lib</c>) and maps Direct Line (<c>/v3/directline</c>), the Connector
    /// (<c>/v3/conversations</c>), <c>/local/people</c>, <c>/local/groups</c> and the download links
    /// <c>/files/{token}</c>. The Host check in front of
    /// every request is a startup filter registered by <see cref="LocalChannelServiceCollectionExtensions.AddLocalChannel"/>.
    /// </summary>
    public static WebApplication UseLocalChannel(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<BotOptions>().IsLocalMode)
        {
            return app;
        }
        app.UseStaticFiles();
        app.MapChatPage();
        app.MapDirectLine();
        app.MapLocalConnector();
        app.MapLocalPeople();
        app.MapLocalFileDownloads();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var address = app.Services.GetRequiredService<LocalChannelAddress>();
            if (address.IsListening)
            {
                LocalChannelLog.Listening(app.Services.GetRequiredService<ILogger<LocalChannelService>>(), address.ServiceUrlText);
            }
        });
        return app;
    }
}
