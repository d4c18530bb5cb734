using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Dialogs;

public static class DialogsServiceCollectionExtensions
{
    /// <summary>
    /// Registers every dialog as <see cref="IDialog"/> (the router picks one by command or verb), the
    /// welcome dialog as <see cref="IWelcomeDialog"/> and the fallback as <see cref="IFallbackDialog"/>.
    /// Dialogs are scoped: a turn resolves them from its own scope, next to its unit of work.
    /// </summary>
    public static IServiceCollection AddKiemDiemDialogs(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddScoped<WelcomeDialog>();
        services.AddScoped<IDialog>(provider => provider.GetRequiredService<WelcomeDialog>());
        services.AddScoped<IWelcomeDialog>(provider => provider.GetRequiredService<WelcomeDialog>());

        services.AddScoped<IDialog, HelpDialog>();

        services.AddScoped<IFallbackDialog, NotUnderstoodDialog>();
        services.AddScoped<IActiveFlowDialog, NoActiveFlowDialog>();
        return services;
    }
}
