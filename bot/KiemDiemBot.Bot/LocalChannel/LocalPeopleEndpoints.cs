namespace KiemDiemBot.Bot.LocalChannel;

/// <summary><c>GET /local/people</c>: who the local page offers to sign in as.</summary>
public static class LocalPeopleEndpoints
{
    public const string Path = "/local/people";

    public static IEndpointRouteBuilder MapLocalPeople(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (ILocalPeopleSource people, CancellationToken cancellationToken) =>
            LocalChannelResults.Json(await people.ListAsync(cancellationToken)));
        return endpoints;
    }
}
