namespace KiemDiemBot.Bot.Graph;

/// <summary>The HTTP clients the file store uses besides Graph's own (tests replace their handlers).</summary>
public static class GraphFileHttpClients
{
    /// <summary>Slices of an upload session, PUT to its pre-authenticated <c>uploadUrl</c>: no Graph token, retried as Graph calls are.</summary>
    public const string UploadSession = "KiemDiemBot.Graph.UploadSession";
}
