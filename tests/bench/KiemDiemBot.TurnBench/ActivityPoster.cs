using System.Net;
using System.Net.Http.Headers;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// Posts activities to <c>/api/messages</c> as the Bot Connector does: JSON with one bearer token, which
/// Teams also reuses across requests until it nears expiry. One connection pool for every member.
/// </summary>
internal sealed class ActivityPoster : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<HttpStatusCode> PostAsync(Uri endpoint, byte[] body, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = Json } },
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await http.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    public void Dispose() => http.Dispose();
}
