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
        return services;
    }

    /// <summary>
    /// When the first argument names a command, runs it instead of the web host and answers its exit
    /// code; answers null when the host should start as usual.
    /// </summary>
    public static async Task<int?> RunCommandAsync(this WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return null;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICliCommand>().ToList();
        var command = commands.SingleOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            await Console.Error.WriteLineAsync(
                $"Unknown command '{args[0]}'. Commands: {string.Join(", ", commands.Select(c => c.Name).Order(StringComparer.Ordinal))}.");
            return 2;
        }
        return await command.RunAsync(args[1..], app.Lifetime.ApplicationStopping);
    }
}
