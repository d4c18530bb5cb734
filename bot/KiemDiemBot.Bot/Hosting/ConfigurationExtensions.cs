using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>Binds the Bot and Storage sections, validated now so that a bad setting stops the start with one clear message.</summary>
    public static (BotOptions Bot, StorageOptions Storage) AddKiemDiemOptions(this WebApplicationBuilder builder)
    {
        var bot = new BotOptions();
        builder.Configuration.GetSection(BotOptions.SectionName).Bind(bot);
        var storage = new StorageOptions();
        builder.Configuration.GetSection(StorageOptions.SectionName).Bind(storage);
        storage.ConnectionString = builder.Configuration.GetConnectionString(StorageOptions.ConnectionStringName);

        if (!bot.IsLocalMode && string.IsNullOrWhiteSpace(bot.MicrosoftAppPassword))
        {
            throw new InvalidOperationException("Bot:MicrosoftAppPassword must be set (environment variable Bot__MicrosoftAppPassword) when Bot:MicrosoftAppId is set.");
        }
        builder.Services.AddSingleton(bot);
        return (bot, storage);
    }

    /// <summary>
    /// The local channel answers anyone on this machine without a token: never serve it in Production.
    /// Checked when the web host is about to serve, not for maintenance commands such as import.
    /// </summary>
    public static void RefuseLocalModeInProduction(this WebApplication app)
    {
        if (app.Services.GetRequiredService<BotOptions>().IsLocalMode && app.Environment.IsProduction())
        {
            throw new InvalidOperationException("Bot:MicrosoftAppId is empty: the local channel cannot run in the Production environment. Set Bot:MicrosoftAppId, or run with ASPNETCORE_ENVIRONMENT=Development.");
        }
    }
}
