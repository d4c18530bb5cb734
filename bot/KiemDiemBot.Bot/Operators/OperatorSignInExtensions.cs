using KiemDiemBot.Bot.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace KiemDiemBot.Bot.Operators;

public static class OperatorSignInExtensions
{
    /// <summary>Where Entra sends the operator back after sign-in: the app registration's redirect URI is https://HOST/signin-oidc.</summary>
    public const string CallbackPath = "/signin-oidc";

    public const string CookieName = "kiemdiem.operator";

    /// <summary>
    /// Operator sign-in (outside local mode, when <c>Operators:ClientId</c> is set): Microsoft.Identity.Web's web-app
    /// sign-in (OpenID Connect, authorization code with PKCE, a cookie of 8 hours), single tenant, and the
    /// <see cref="OperatorAccess.PolicyName"/> policy that admits members of <c>Operators:AllowedGroupId</c> only.
    /// Otherwise nothing is registered: the operator pages are not served (local mode serves them to the local user).
    /// </summary>
    public static IServiceCollection AddKiemDiemOperators(this IServiceCollection services, BotOptions bot, OperatorsOptions operators)
    {
        ArgumentNullException.ThrowIfNull(bot);
        ArgumentNullException.ThrowIfNull(operators);
        if (bot.IsLocalMode || !operators.IsSignInConfigured)
        {
            return services;
        }
        var tenantId = string.IsNullOrWhiteSpace(operators.TenantId) ? bot.MicrosoftAppTenantId! : operators.TenantId;
        var instance = operators.Instance.EndsWith('/') ? operators.Instance : operators.Instance + "/";
        var issuer = $"{instance}{tenantId}/v2.0";
        // Only a loopback provider (tests) may be plain http; the settings check refuses any other http address.
        var requireHttps = new Uri(instance).Scheme == Uri.UriSchemeHttps;

        services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(
                identity =>
                {
                    identity.Instance = instance;
                    identity.TenantId = tenantId;
                    identity.ClientId = operators.ClientId;
                    identity.ClientSecret = operators.ClientSecret;
                    identity.CallbackPath = CallbackPath;
                    identity.RequireHttpsMetadata = requireHttps;
                },
                cookie =>
                {
                    cookie.Cookie.Name = CookieName;
                    cookie.Cookie.HttpOnly = true;
                    cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                    cookie.Cookie.SameSite = SameSiteMode.Lax;
                    cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                    cookie.SlidingExpiration = false;
                });
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
        {
            oidc.RequireHttpsMetadata = requireHttps;
            oidc.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on the redirect's query string: no form post, so no script on any page.
            oidc.ResponseMode = OpenIdConnectResponseMode.Query;
            oidc.UsePkce = true;
            oidc.SaveTokens = false;
            oidc.GetClaimsFromUserInfoEndpoint = false;
            oidc.MapInboundClaims = false;
        });
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
        {
            // Single tenant: the one issuer of the configured tenant, checked exactly.
            oidc.TokenValidationParameters.ValidIssuer = issuer;
            oidc.TokenValidationParameters.IssuerValidator = (actual, _, _) => string.Equals(actual, issuer, StringComparison.Ordinal)
                ? actual
                : throw new SecurityTokenInvalidIssuerException("The token's issuer is not the configured tenant's.");
        });

        var access = new OperatorAccess(operators.AllowedGroupId!);
        services.AddSingleton(access);
        services.AddSingleton<IAuthorizationHandler>(access);
        services.AddAuthorizationBuilder()
            .AddPolicy(OperatorAccess.PolicyName, policy => policy.RequireAuthenticatedUser().AddRequirements(access));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, OperatorForbiddenPage>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = CookieName + ".af";
            // Holds no credential (only the form's token pair), so it may ride on the request's own scheme.
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            antiforgery.FormFieldName = "__af";
        });
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only a proxy on this machine (the default known proxies: loopback) is believed.
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedFor;
        });
        return services;
    }

    /// <summary>
    /// With operator sign-in: believe a TLS-terminating proxy on this machine about the scheme (the sign-in redirect
    /// URI must be https://HOST/signin-oidc), then authenticate and authorize, in that order, before anything else runs.
    /// </summary>
    public static void UseKiemDiemOperatorSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<BotOptions>().IsLocalMode || !app.Services.GetRequiredService<OperatorsOptions>().IsSignInConfigured)
        {
            return;
        }
        app.UseForwardedHeaders();
        app.UseAuthentication();
        app.UseAuthorization();
    }
}
