using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Microsoft Entra ID at the HTTP boundary, as MSAL's client-credentials flow sees it (PROTOCOL.md 3.1):
/// the instance discovery and OpenID documents MSAL asks for, and <c>POST /{tenant}/oauth2/v2.0/token</c>
/// answering <c>{token_type, expires_in, ext_expires_in, access_token}</c>. Plug it in as the primary handler
/// of the <c>ConnectorHttpClients.Entra</c> client. Tokens are opaque strings the fake Connector checks here.
/// </summary>
public sealed class FakeEntraId(string appId, string secret, string scope = "https://api.botframework.com/.default") : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, bool> validTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> tokenRequestTenants = new();
    private readonly ConcurrentQueue<string> unhandledRequests = new();
    private readonly ConcurrentQueue<string> requests = new();
    private int issued;

    /// <summary>How many tokens were requested (and issued) so far.</summary>
    public int TokenRequestCount => tokenRequestTenants.Count;

    /// <summary>The authority tenant of each token request, in order (<c>botframework.com</c> or a tenant id).</summary>
    public IReadOnlyList<string> TokenRequestTenants => [.. tokenRequestTenants];

    /// <summary>Every request received, as <c>METHOD path</c>, in order.</summary>
    public IReadOnlyList<string> Requests => [.. requests];

    /// <summary>Requests the fake does not know how to answer (answered 404); a test can assert there are none.</summary>
    public IReadOnlyList<string> UnhandledRequests => [.. unhandledRequests];

    /// <summary>True when the token was issued here and not revoked since.</summary>
    public bool IsValid(string token) => validTokens.ContainsKey(token);

    /// <summary>Every token issued so far stops being accepted (as if expired or revoked server-side); MSAL's cache still holds it.</summary>
    public void RevokeIssuedTokens() => validTokens.Clear();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        requests.Enqueue($"{request.Method} {uri.AbsolutePath}");
        if (request.Method == HttpMethod.Get && uri.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            return InstanceDiscovery(uri);
        }
        if (request.Method == HttpMethod.Get && uri.AbsolutePath.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal))
        {
            return OpenIdConfiguration(uri, segments[0]);
        }
        if (request.Method == HttpMethod.Post && segments is [var tenant, "oauth2", "v2.0", "token"])
        {
            var form = await request.Content!.ReadAsStringAsync(cancellationToken);
            return Token(tenant, ParseForm(form));
        }
        unhandledRequests.Enqueue($"{request.Method} {uri}");
        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private HttpResponseMessage Token(string tenant, Dictionary<string, string> form)
    {
        if (!form.TryGetValue("grant_type", out var grant) || grant != "client_credentials")
        {
            return Error(HttpStatusCode.BadRequest, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }
        if (!form.TryGetValue("client_id", out var client) || client != appId)
        {
            return Error(HttpStatusCode.BadRequest, "unauthorized_client", "AADSTS700016: Application was not found in the directory.");
        }
        if (!form.TryGetValue("client_secret", out var presented) || presented != secret)
        {
            return Error(HttpStatusCode.Unauthorized, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }
        if (!form.TryGetValue("scope", out var requested) || requested != scope)
        {
            return Error(HttpStatusCode.BadRequest, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid.");
        }
        tokenRequestTenants.Enqueue(tenant);
        var token = $"fake-entra-token-{Interlocked.Increment(ref issued)}-{Guid.NewGuid():N}";
        validTokens[token] = true;
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = token,
        });
    }

    private static HttpResponseMessage InstanceDiscovery(Uri uri)
    {
        // With its port when it has one (a fake served on loopback); as the host alone on 443.
        var host = uri.Authority;
        var authorize = System.Web.HttpUtility.ParseQueryString(uri.Query)["authorization_endpoint"];
        var tenant = authorize is null ? "common" : new Uri(authorize).AbsolutePath.Trim('/').Split('/')[0];
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["tenant_discovery_endpoint"] = $"https://{host}/{tenant}/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = host,
                ["preferred_cache"] = host,
                ["aliases"] = new JsonArray(host),
            }),
        });
    }

    private static HttpResponseMessage OpenIdConfiguration(Uri uri, string tenant)
    {
        var root = $"https://{uri.Authority}/{tenant}";
        return Json(HttpStatusCode.OK, new JsonObject
        {
            ["token_endpoint"] = $"{root}/oauth2/v2.0/token",
            ["authorization_endpoint"] = $"{root}/oauth2/v2.0/authorize",
            ["issuer"] = $"https://{uri.Authority}/{tenant}/v2.0",
            ["jwks_uri"] = $"{root}/discovery/v2.0/keys",
        });
    }

    private static HttpResponseMessage Error(HttpStatusCode status, string error, string description) =>
        Json(status, new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description,
            ["error_codes"] = new JsonArray(int.Parse(description[6..description.IndexOf(':', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture)),
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            ["trace_id"] = Guid.NewGuid().ToString(),
            ["correlation_id"] = Guid.NewGuid().ToString(),
        });

    private static HttpResponseMessage Json(HttpStatusCode status, JsonNode body) => new(status)
    {
        Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
    };

    private static Dictionary<string, string> ParseForm(string form) =>
        form.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(
                parts => Uri.UnescapeDataString(parts[0].Replace('+', ' ')),
                parts => parts.Length > 1 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : "",
                StringComparer.Ordinal);
}
