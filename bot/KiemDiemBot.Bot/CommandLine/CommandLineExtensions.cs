using KiemDiemBot.Core.Roster;

namespace KiemDiemBot.Bot.CommandLine;

public static class CommandLineExtensions
{
    public static IServiceCollection AddCommandLine(this IServiceCollection services)
    {
        services.AddSingleton(Console.Out);
        services.AddScoped<ICliCommand, MigrateCommand>();
        services.AddScoped<ICliCommand, ImportCommand>();
        services.AddScoped<ICliCommand, ExportTemplateCommand>();
        services.AddScoped<ICliCommand, SeedDemoCommand>();
        services.AddScoped<ICliCommand, CycleCommand>();
        services.AddScoped<ICliCommand, SyncCommand>();
        services.AddScoped<ICliCommand, PackageCommand>();
        services.AddScoped<ICliCommand, HelpCommand>();
        return services;
    }

    /// <summary>
    /// When the first argument names a command (or asks for help: <c>--help</c>, <c>-h</c>), runs it instead
    /// of the web host and answers its exit code; answers null when the host should start as usual
    /// (no arguments, or options such as <c>--urls</c>).
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }
        var name = HelpCommand.Aliases.Contains(args[0], StringComparer.OrdinalIgnoreCase) ? HelpCommand.CommandName : args[0];
        if (name.StartsWith('-'))
        {
            return null;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICliCommand>().ToList();
        var command = commands.SingleOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await Console.Error.WriteLineAsync(RosterCommandTexts.UnknownCommand(args[0]));
            return 2;
        }
        return await command.RunAsync(args[1..], app.Lifetime.ApplicationStopping);
    }
}
