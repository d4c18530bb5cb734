using Microsoft.Identity.Client;

namespace KiemDiemBot.Bot.Connector;

/// <summary>Routes MSAL's calls to Entra ID through the named <see cref="ConnectorHttpClients.Entra"/> client.</summary>
internal sealed class MsalHttpClientFactory(IHttpClientFactory factory) : IMsalHttpClientFactory
{
    public HttpClient GetHttpClient() => factory.CreateClient(ConnectorHttpClients.Entra);
}
