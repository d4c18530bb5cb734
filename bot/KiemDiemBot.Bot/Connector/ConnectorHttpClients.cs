namespace KiemDiemBot.Bot.Connector;

/// <summary>The names of the HTTP clients the outbound side uses (tests replace their handlers).</summary>
public static class ConnectorHttpClients
{
    /// <summary>Calls to the Bot Connector at each conversation's serviceUrl.</summary>
    public const string Connector = "KiemDiemBot.Connector";

    /// <summary>MSAL's calls to Microsoft Entra ID for outbound tokens.</summary>
    public const string Entra = "KiemDiemBot.Entra";
}
