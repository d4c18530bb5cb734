using System.Net;
using System.Net.Http.Headers;
using KiemDiemBot.Bot.Configuration;
using KiemDiemBot.Bot.Connector;

namespace KiemDiemBot.Bot.Files;

/// <summary>
/// Puts a file's bytes to the upload address Teams gave for an accepted file consent (a OneDrive upload session):
/// one PUT of the whole file with <c>Content-Range: bytes 0-{n-1}/{n}</c>, only over https, and with no
/// Authorization header (the session's address is its own credential; the bot's Connector token never leaves
/// for a host that is not the Connector). Network errors, timeouts, 408, 429 and 5xx are retried with the
/// Connector client's backoff, within <see cref="BotOptions.FileUploadRetry"/>'s bounds, so the invoke is answered in time.
/// </summary>
internal sealed class FileUploader
{
    public const string HttpClientName = "KiemDiemBot.FileUpload";

    private readonly HttpClient http;
    private readonly ConnectorRetryPolicy retryPolicy;
    private readonly TimeProvider clock;
    private readonly ILogger<FileUploader> logger;

    public FileUploader(HttpClient http, BotOptions bot, IRetryJitter jitter, TimeProvider clock, ILogger<FileUploader> logger)
    {
        this.http = http;
        retryPolicy = new ConnectorRetryPolicy(bot.FileUploadRetry, jitter, clock);
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>True when the whole file was stored (200 or 201); false when it was not, after the retries.</summary>
    public async Task<bool> UploadAsync(Uri uploadUrl, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(uploadUrl);
        ArgumentNullException.ThrowIfNull(content);
        if (!uploadUrl.IsAbsoluteUri || uploadUrl.Scheme != Uri.UriSchemeHttps)
        {
            FilesLog.UploadUrlRefused(logger);
            return false;
        }
        if (content.Length == 0)
        {
            throw new ArgumentException("An upload needs at least one byte.", nameof(content));
        }
        var callStarted = retryPolicy.StartCall();
        var attempts = 0;
        var retries = 0;
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl)
            {
                Content = new ByteArrayContent(content),
            };
            request.Content.Headers.ContentRange = new ContentRangeHeaderValue(0, content.Length - 1, content.Length);
            attempts++;
            HttpResponseMessage answer;
            try
            {
                answer = await retryPolicy.SendAttemptAsync(http, request, callStarted, cancellationToken);
            }
            catch (Exception failure) when (ConnectorRetryPolicy.IsTransient(failure))
            {
                var wait = retries < retryPolicy.MaxRetries ? retryPolicy.GetDelay(retries, retryAfter: null) : null;
                if (wait is not { } backoff || !retryPolicy.CanWait(callStarted, backoff))
                {
                    FilesLog.UploadUnreachable(logger, attempts, failure.GetType().Name);
                    return false;
                }
                retries++;
                FilesLog.UploadRetryingAfterFailure(logger, failure.GetType().Name, retries, retryPolicy.MaxRetries, backoff);
                await Task.Delay(backoff, clock, cancellationToken);
                continue;
            }
            using var response = answer;
            var status = response.StatusCode;
            if (status is HttpStatusCode.OK or HttpStatusCode.Created)
            {
                FilesLog.Uploaded(logger, content.Length, attempts);
                return true;
            }
            if (IsTransient(status) && retries < retryPolicy.MaxRetries
                && retryPolicy.GetDelay(retries, retryPolicy.ReadRetryAfter(response.Headers.RetryAfter)) is { } delay
                && retryPolicy.CanWait(callStarted, delay))
            {
                retries++;
                FilesLog.UploadRetrying(logger, (int)status, retries, retryPolicy.MaxRetries, delay);
                await Task.Delay(delay, clock, cancellationToken);
                continue;
            }
            FilesLog.UploadRefused(logger, attempts, (int)status);
            return false;
        }
    }

    /// <summary>Answers another attempt may change: a timeout, throttling, or a server error.</summary>
    private static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;
}
