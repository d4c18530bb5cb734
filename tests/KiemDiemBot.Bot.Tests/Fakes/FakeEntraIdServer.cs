using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// <see cref="FakeEntraId"/> served over HTTPS on 127.0.0.1 (MSAL takes only https authorities), for a host run as its
/// own process: <c>Bot:AuthorityHost</c> = <see cref="Authority"/>, and the process trusts <see cref="CertificatePemPath"/>
/// (<c>SSL_CERT_FILE</c>), a self-signed certificate made for this server alone.
/// </summary>
public sealed class FakeEntraIdServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly HttpMessageInvoker entra;
    private readonly DirectoryInfo folder;

    private FakeEntraIdServer(WebApplication app, FakeEntraId fake, DirectoryInfo folder, string authority, string pemPath)
    {
        this.app = app;
        this.folder = folder;
        entra = new HttpMessageInvoker(fake, disposeHandler: false);
        Authority = authority;
        CertificatePemPath = pemPath;
    }

    /// <summary>https://127.0.0.1:{port}</summary>
    public string Authority { get; }

    /// <summary>The server's certificate as PEM, to be trusted by the process under test.</summary>
    public string CertificatePemPath { get; }

    public static async Task<FakeEntraIdServer> StartAsync(FakeEntraId fake)
    {
        var certificate = SelfSigned();
        var folder = Directory.CreateTempSubdirectory("kd-entra-");
        var pemPath = Path.Combine(folder.FullName, "fake-entra.pem");
        await File.WriteAllTextAsync(pemPath, certificate.ExportCertificatePem());

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeEntraIdServer? server = null;
        app.Run(context => server!.ForwardAsync(context));
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        server = new FakeEntraIdServer(app, fake, folder, $"https://127.0.0.1:{address.Port}", pemPath);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        entra.Dispose();
        folder.Delete(recursive: true);
    }

    private async Task ForwardAsync(HttpContext context)
    {
        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri($"{Authority}{context.Request.Path}{context.Request.QueryString}"));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
            request.Content = new ByteArrayContent(buffer.ToArray());
            if (context.Request.ContentType is { } type)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            }
        }
        using var response = await entra.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
        await context.Response.Body.WriteAsync(await response.Content.ReadAsByteArrayAsync(context.RequestAborted), context.RequestAborted);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Kestrel on Linux wants the key in a form it can use: a PFX round trip gives it one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
