using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>A person the fake provider signs in: their Entra object id, name, e-mail and group ids (or the groups-overage claim instead).</summary>
public sealed record FakeOpenIdUser(Guid ObjectId, string Name, string Email, IReadOnlyList<string> Groups, bool GroupsOverage = false);

/// <summary>
/// Entra ID's v2.0 endpoints for one tenant as a real HTTP server on 127.0.0.1, as the authorization code flow with
/// PKCE uses them: the discovery document (<c>/{tenant}/v2.0/.well-known/openid-configuration</c>), the signing keys
/// (<c>/{tenant}/discovery/v2.0/keys</c>), an authorize endpoint that signs in the scripted <see cref="NextUser"/> at
/// once and redirects back with a code (response_mode=query), and a token endpoint that checks the code, the client's
/// secret, the redirect URI and the PKCE verifier before issuing an RS256 id token (issuer, audience, nonce, tid, oid,
/// name, preferred_username, <c>groups</c>, or <c>_claim_names</c>/<c>_claim_sources</c> for a groups overage) and an
/// access token with its <c>at_hash</c>.
/// </summary>
public sealed class FakeOpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string tenantId;
    private readonly string clientId;
    private readonly string clientSecret;
    private readonly RSA rsa = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, PendingCode> codes = new(StringComparer.Ordinal);
    private int tokensIssued;

    private FakeOpenIdProvider(WebApplication app, string tenantId, string clientId, string clientSecret)
    {
        this.app = app;
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /// <summary>The provider's root, as <c>Operators:Instance</c> takes it (with its trailing '/').</summary>
    public string Instance { get; private set; } = "";

    public string Issuer => $"{Instance}{tenantId}/v2.0";

    public string AuthorizeEndpoint => $"{Instance}{tenantId}/oauth2/v2.0/authorize";

    /// <summary>Who the next authorize request signs in.</summary>
    public FakeOpenIdUser? NextUser { get; set; }

    /// <summary>Id tokens issued so far.</summary>
    public int TokensIssued => Volatile.Read(ref tokensIssued);

    public static async Task<FakeOpenIdProvider> StartAsync(string tenantId, string clientId, string clientSecret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var provider = new FakeOpenIdProvider(app, tenantId, clientId, clientSecret);
        app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) => provider.Discovery(tenant));
        app.MapGet("/{tenant}/discovery/v2.0/keys", provider.Keys);
        app.MapGet("/{tenant}/oauth2/v2.0/authorize", (HttpContext context, string tenant) => provider.Authorize(context, tenant));
        app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext context, string tenant) => provider.TokenAsync(context, tenant));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        provider.Instance = address.TrimEnd('/') + "/";
        return provider;
    }

    private IResult Discovery(string tenant)
    {
        if (tenant != tenantId)
        {
            return Results.NotFound();
        }
        var root = $"{Instance}{tenantId}";
        return Results.Json(new JsonObject
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["end_session_endpoint"] = $"{root}/oauth2/v2.0/logout",
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
            ["response_types_supported"] = new JsonArray("code", "id_token", "code id_token"),
            ["response_modes_supported"] = new JsonArray("query", "fragment", "form_post"),
            ["subject_types_supported"] = new JsonArray("pairwise"),
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
            ["scopes_supported"] = new JsonArray("openid", "profile", "email", "offline_access"),
            ["token_endpoint_auth_methods_supported"] = new JsonArray("client_secret_post", "client_secret_basic"),
            ["code_challenge_methods_supported"] = new JsonArray("S256"),
            ["tenant_region_scope"] = "AS",
        });
    }

    private IResult Keys()
    {
        var parameters = rsa.ExportParameters(includePrivateParameters: false);
        return Results.Json(new JsonObject
        {
            ["keys"] = new JsonArray(new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = KeyId,
                ["alg"] = "RS256",
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            }),
        });
    }

    private IResult Authorize(HttpContext context, string tenant)
    {
        var query = context.Request.Query;
        if (tenant != tenantId || query["client_id"] != clientId || query["response_type"] != "code"
            || query["code_challenge_method"] != "S256" || string.IsNullOrEmpty(query["code_challenge"])
            || string.IsNullOrEmpty(query["redirect_uri"]) || string.IsNullOrEmpty(query["nonce"]))
        {
            return Results.BadRequest(new { error = "invalid_request" });
        }
        var user = NextUser ?? throw new InvalidOperationException("No user is scripted to sign in.");
        var code = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(24));
        codes[code] = new PendingCode(user, query["redirect_uri"]!, query["nonce"]!, query["code_challenge"]!);
        var back = QueryHelpers.AddQueryString(query["redirect_uri"]!, new Dictionary<string, string?>
        {
            ["code"] = code,
            ["state"] = query["state"],
            ["session_state"] = Guid.NewGuid().ToString(),
        });
        return Results.Redirect(back);
    }

    private async Task<IResult> TokenAsync(HttpContext context, string tenant)
    {
        var form = await context.Request.ReadFormAsync();
        if (tenant != tenantId || form["grant_type"] != "authorization_code")
        {
            return Results.BadRequest(new { error = "unsupported_grant_type" });
        }
        if (form["client_id"] != clientId || form["client_secret"] != clientSecret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!codes.TryRemove(form["code"].ToString(), out var pending) || form["redirect_uri"] != pending.RedirectUri
            || Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != pending.CodeChallenge)
        {
            return Results.BadRequest(new { error = "invalid_grant" });
        }
        var accessToken = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(accessToken));
        var user = pending.User;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = user.ObjectId.ToString("N"),
            ["oid"] = user.ObjectId.ToString(),
            ["tid"] = tenantId,
            ["name"] = user.Name,
            ["preferred_username"] = user.Email,
            ["nonce"] = pending.Nonce,
            ["ver"] = "2.0",
            ["at_hash"] = Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]),
        };
        if (user.GroupsOverage)
        {
            claims["_claim_names"] = new Dictionary<string, object> { ["groups"] = "src1" };
            claims["_claim_sources"] = new Dictionary<string, object>
            {
                ["src1"] = new Dictionary<string, object> { ["endpoint"] = $"https://graph.microsoft.com/v1.0/users/{user.ObjectId}/getMemberObjects" },
            };
        }
        else
        {
            claims["groups"] = user.Groups.ToArray();
        }
        var now = DateTime.UtcNow;
        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = clientId,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256),
        });
        Interlocked.Increment(ref tokensIssued);
        return Results.Json(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = "openid profile",
            ["expires_in"] = 3600,
            ["access_token"] = accessToken,
            ["id_token"] = idToken,
        });
    }

    private const string KeyId = "fake-openid-key-1";

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        rsa.Dispose();
    }

    private sealed record PendingCode(FakeOpenIdUser User, string RedirectUri, string Nonce, string CodeChallenge);
}
