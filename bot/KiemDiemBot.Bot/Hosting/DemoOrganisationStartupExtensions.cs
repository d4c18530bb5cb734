using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Storage;

namespace KiemDiemBot.Bot.Hosting;

public static class DemoOrganisationStartupExtensions
{
    /// <summary>
    /// The embedded default (local channel on SQLite) starts with the demo organisation in an empty database,
    /// so that the chat page has people to be. Never in Teams or on PostgreSQL: there the roster is imported.
    /// </summary>
    public static async Task SeedDemoOrganisationIfEmbeddedAsync(this WebApplication app)
    {
        var isEmbedded = app.Services.GetRequiredService<BotOptions>().IsLocalMode
            && app.Services.GetRequiredService<StorageOptions>().Provider == StorageProvider.Sqlite;
        if (!isEmbedded)
        {
            return;
        }
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IDemoOrganisationSeeder>().SeedIfEmptyAsync(app.Lifetime.ApplicationStopping);
    }
}
