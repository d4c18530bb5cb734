using KiemDiemBot.Bot.Configuration;

namespace KiemDiemBot.Bot.LocalChannel;

public static class LocalChannelApplicationExtensions
{
    /// <summary>
    /// In local mode: serves the Web Chat page at <c>/</c> (wwwroot, with Web Chat's bundle under <c>/lib</c>)
    /// and maps Direct Line (<c>/v3/directline</c>), the Connector (<c>/v3/conversations</c>) and <c>/local/people</c>.
    /// </summary>
    public static WebApplication UseLocalChannel(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<BotOptions>().IsLocalMode)
        {
            return app;
        }
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapDirectLine();
        app.MapLocalConnector();
        app.MapLocalPeople();
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
