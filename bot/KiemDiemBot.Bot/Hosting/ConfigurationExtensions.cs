using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Scheduler;

namespace KiemDiemBot.Bot.Hosting;

public static class ConfigurationExtensions
{
    /// <summary>
    /// Binds the Bot, Storage, Scheduler, Graph and Operators sections (and <c>ConnectionStrings:KiemDiem</c>, read by its
    /// provider's parser), one options class each, checks the Turns and Review sections too, and validates them now: any bad key stops the start with one message that lists every bad key.
    /// Registers the three as singletons.
    /// </summary>
    /// <exception cref="StartupRefusedException">A key is malformed, unknown, or missing where another needs it.</exception>
    public static KiemDiemSettings AddKiemDiemOptions(this WebApplicationBuilder builder)
    {
        var problems = new List<string>();
        var configuration = builder.Configuration;
        var bot = SettingsBinder.Bind<BotOptions>(configuration.GetSection(BotOptions.SectionName), problems);
        var storage = SettingsBinder.Bind<StorageOptions>(configuration.GetSection(StorageOptions.SectionName), problems);
        storage.ConnectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        var scheduler = SettingsBinder.Bind<SchedulerOptions>(configuration.GetSection(SchedulerOptions.SectionName), problems);
        var graph = SettingsBinder.Bind<GraphOptions>(configuration.GetSection(GraphOptions.SectionName), problems);
        var operators = SettingsBinder.Bind<OperatorsOptions>(configuration.GetSection(OperatorsOptions.SectionName), problems);

        problems.AddRange(bot.Validate());
        problems.AddRange(scheduler.Validate(builder.Environment.IsProduction()));
        problems.AddRange(graph.Validate(bot.IsLocalMode));
        problems.AddRange(operators.Validate(bot.MicrosoftAppTenantId));
        problems.AddRange(ConnectionStringCheck.Validate(storage));
        // Turns and Review are bound where they are used; they are read here too so that their problems join this one message.
        SectionCheck.Turns(configuration.GetSection(TurnPipelineOptions.SectionName), problems);
        SectionCheck.Review(configuration.GetSection(ReviewOptions.SectionName), problems);
        if (problems.Count > 0)
        {
            throw new StartupRefusedException(
                $"KiemDiemBot cannot start with these settings ({problems.Count} to fix): {string.Join("; ", problems)}.");
        }
        builder.Services.AddSingleton(bot);
        builder.Services.AddSingleton(scheduler);
        builder.Services.AddSingleton(graph);
        builder.Services.AddSingleton(operators);
        return new KiemDiemSettings(bot, storage, scheduler, graph, operators);
    }

    /// <summary>
    /// Local mode (no app id) answers anyone on this machine without a token: it serves only in the Development
    /// environment. Checked when the web host is about to serve, not for maintenance commands such as import.
    /// </summary>
    /// <exception cref="StartupRefusedException">Local mode in any other environment.</exception>
    public static void RefuseLocalModeOutsideDevelopment(this WebApplication app)
    {
        if (app.Services.GetRequiredService<BotOptions>().IsLocalMode && !app.Environment.IsDevelopment())
        {
            throw new StartupRefusedException(
                $"Bot:MicrosoftAppId is empty, so the host would play the Teams channel itself, which it does only with ASPNETCORE_ENVIRONMENT=Development (this is '{app.Environment.EnvironmentName}'). " +
                "Set ASPNETCORE_ENVIRONMENT=Development to try the bot on this machine, or set Bot:MicrosoftAppId, Bot:MicrosoftAppPassword and Bot:MicrosoftAppTenantId to serve Teams.");
        }
    }
}

/// <summary>Every settings section, bound and validated.</summary>
public sealed record KiemDiemSettings(BotOptions Bot, StorageOptions Storage, SchedulerOptions Scheduler, GraphOptions Graph, OperatorsOptions Operators);
