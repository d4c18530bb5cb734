using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// A pass-through in front of the fake Connector (which it leaves untouched) that can stall: once
/// <see cref="StallAfter"/> sends went through, every further request is held until <see cref="Release"/>, and a
/// held request is never forwarded: at the release it is answered 503, which a live host retries later. (Its
/// caller may be a killed host whose closed connection the proxy has not noticed yet: forwarding it then would let
/// the fake accept a send the dead host never recorded.) So the fake has accepted exactly what went through, and
/// nothing that was in flight when a host died.
/// </summary>
public sealed class StallingConnectorProxy : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpClient upstream = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Uri target;
    private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int forwardedSends;
    private int held;

    private StallingConnectorProxy(WebApplication app, Uri target)
    {
        this.app = app;
        this.target = target;
    }

    /// <summary>Sends forwarded before the proxy stalls; null never stalls.</summary>
    public int? StallAfter { get; set; }

    /// <summary>The serviceUrl to store for members: the proxy's, with the fake's path.</summary>
    public string ServiceUrl { get; private set; } = "";

    public int ForwardedSends => Volatile.Read(ref forwardedSends);

    /// <summary>Requests waiting at the proxy now.</summary>
    public int Held => Volatile.Read(ref held);

    /// <param name="fakeServiceUrl">The fake Connector's serviceUrl (http://127.0.0.1:port/teams/).</param>
    public static async Task<StallingConnectorProxy> StartAsync(string fakeServiceUrl)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new Uri(fakeServiceUrl);
        var proxy = new StallingConnectorProxy(app, new Uri(fake.GetLeftPart(UriPartial.Authority)));
        app.Run(proxy.ForwardAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        proxy.ServiceUrl = address.TrimEnd('/') + fake.AbsolutePath;
        return proxy;
    }

    /// <summary>Answers the held requests 503 and lets all later ones through.</summary>
    public void Release() => released.TrySetResult();

    public async ValueTask DisposeAsync()
    {
        Release();
        await app.StopAsync();
        await app.DisposeAsync();
        upstream.Dispose();
    }

    private async Task ForwardAsync(HttpContext context)
    {
        var isSend = HttpMethods.IsPost(context.Request.Method) && context.Request.Path.Value?.EndsWith("/activities", StringComparison.Ordinal) == true;
        if (isSend && !released.Task.IsCompleted && StallAfter is { } limit && Interlocked.Increment(ref forwardedSends) > limit)
        {
            Interlocked.Decrement(ref forwardedSends);
            Interlocked.Increment(ref held);
            try
            {
                await Task.WhenAny(released.Task, Task.Delay(Timeout.Infinite, context.RequestAborted));
            }
            finally
            {
                Interlocked.Decrement(ref held);
            }
            if (!context.RequestAborted.IsCancellationRequested)
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            }
            return;
        }
        else if (isSend && StallAfter is null)
        {
            Interlocked.Increment(ref forwardedSends);
        }
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(target, context.Request.Path + context.Request.QueryString));
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        request.Content = new ByteArrayContent(body.ToArray());
        if (context.Request.ContentType is { } contentType)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        if (context.Request.Headers.Authorization.Count > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        }
        using var response = await upstream.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!header.Key.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase) && !header.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header.Key] = header.Value.ToArray();
            }
        }
        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }
}
