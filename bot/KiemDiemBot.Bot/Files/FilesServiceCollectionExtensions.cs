using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Inbound;
using KiemDiemBot.Dialogs;

namespace KiemDiemBot.Bot.Files;

public static class FilesServiceCollectionExtensions
{
    /// <summary>
    /// How files reach members (<see cref="IFileOffer"/>): in Teams the file consent card, its
    /// <c>fileConsent/invoke</c> handler and the uploader (named HttpClient <see cref="FileUploader.HttpClientName"/>,
    /// no token, no Connector host check: the upload address is OneDrive's); in local mode the download links
    /// served at <c>/files/{token}</c> (mapped by the local channel). Needs the Connector registrations
    /// (<c>AddKiemDiemMessaging</c>), the inbound side and, in local mode, the local channel.
    /// </summary>
    public static IServiceCollection AddKiemDiemFiles(this IServiceCollection services, BotOptions bot)
    {
        ArgumentNullException.ThrowIfNull(bot);
        if (bot.IsLocalMode)
        {
            services.AddSingleton<LocalFileLinks>();
            services.AddScoped<IFileOffer, LocalFileOffer>();
            return services;
        }
        services.AddScoped<IFileOffer, TeamsFileOffer>();
        services.AddScoped<BallotPaperConsentHandler>();
        services.AddScoped<IInvokeHandler, FileConsentInvokeHandler>();
        // Each attempt is timed by the retry policy (BotOptions.FileUploadRetry), on the injected clock.
        services.AddHttpClient<FileUploader>(FileUploader.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}
