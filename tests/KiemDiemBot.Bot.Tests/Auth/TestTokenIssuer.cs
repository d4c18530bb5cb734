using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Tests.Auth;

/// <summary>
/// A stand-in for login.botframework.com on 127.0.0.1: OpenID metadata and a JWKS whose keys carry
/// <c>endorsements</c> (PROTOCOL.md 2.1), and tokens shaped like the Bot Connector's (PROTOCOL.md 2.2).
/// Keys can be published while the bot runs, as the real channel rotates them.
/// </summary>
public sealed class TestTokenIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string TeamsChannel = "msteams";

    private readonly WebApplication app;
    private readonly List<TestSigningKey> published = [];
    private readonly List<TestSigningKey> owned = [];
    private readonly Lock gate = new();

    private string baseUrl = string.Empty;

    private TestTokenIssuer(WebApplication app) => this.app = app;

    public string MetadataUrl => baseUrl + "/v1/.well-known/openidconfiguration";

    public string KeysUrl => baseUrl + "/v1/.well-known/keys";

    public static async Task<TestTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var issuer = new TestTokenIssuer(app);
        app.MapGet("/v1/.well-known/openidconfiguration", issuer.Metadata);
        app.MapGet("/v1/.well-known/keys", issuer.Keys);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        issuer.baseUrl = address.TrimEnd('/');
        return issuer;
    }

    /// <summary>Generates a key and publishes it in the JWKS; null endorsements = no <c>endorsements</c> property.</summary>
    public TestSigningKey PublishKey(params string[]? endorsements)
    {
        var key = CreateUnpublishedKey(endorsements);
        lock (gate)
        {
            published.Add(key);
        }
        return key;
    }

    /// <summary>Generates a key the JWKS does not list.</summary>
    public TestSigningKey CreateUnpublishedKey(IReadOnlyList<string>? endorsements = null)
    {
        var key = new TestSigningKey("test-" + Guid.NewGuid().ToString("N")[..12], endorsements);
        lock (gate)
        {
            owned.Add(key);
        }
        return key;
    }

    /// <summary>A channel token as the Bot Connector sends it; <paramref name="adjust"/> spoils one part for a test.</summary>
    public static string CreateToken(
        SigningCredentials credentials,
        string audience,
        string serviceUrl,
        DateTimeOffset now,
        Action<SecurityTokenDescriptor>? adjust = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = ChannelIssuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime.AddMinutes(-1),
            Expires = now.UtcDateTime.AddMinutes(64),
            Claims = new Dictionary<string, object> { ["serviceurl"] = serviceUrl },
            SigningCredentials = credentials,
        };
        adjust?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public static SigningCredentials Rs256(TestSigningKey key) => new(key.SecurityKey, SecurityAlgorithms.RsaSha256);

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        foreach (var key in owned)
        {
            key.Dispose();
        }
    }

    private IResult Metadata() => Results.Text(
        new JsonObject
        {
            ["issuer"] = ChannelIssuer,
            ["authorization_endpoint"] = "https://invalid.botframework.com",
            ["jwks_uri"] = KeysUrl,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
        }.ToJsonString(),
        "application/json");

    private IResult Keys()
    {
        var keys = new JsonArray();
        lock (gate)
        {
            foreach (var key in published)
            {
                var parameters = key.PublicParameters;
                var jwk = new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = key.KeyId,
                    ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
                };
                if (key.Endorsements is not null)
                {
                    jwk["endorsements"] = new JsonArray([.. key.Endorsements.Select(e => JsonValue.Create(e))]);
                }
                keys.Add(jwk);
            }
        }
        return Results.Text(new JsonObject { ["keys"] = keys }.ToJsonString(), "application/json");
    }
}
