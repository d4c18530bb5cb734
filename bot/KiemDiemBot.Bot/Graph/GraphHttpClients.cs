namespace KiemDiemBot.Bot.Graph;

/// <summary>The names of the HTTP clients Graph uses (tests replace their handlers).</summary>
public static class GraphHttpClients
{
    /// <summary>Calls to Microsoft Graph at <c>Graph:BaseUrl</c>, through Graph's middleware and <see cref="GraphRetryHandler"/>.</summary>
    public const string Graph = "KiemDiemBot.Graph";
}
