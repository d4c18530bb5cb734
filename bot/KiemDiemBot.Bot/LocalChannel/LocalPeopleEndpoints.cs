namespace KiemDiemBot.Bot.LocalChannel;

/// <summary>
/// <c>GET /local/people</c> and <c>GET /local/groups</c>: what the local page offers to pick. Like Direct
/// Line, they answer only the page's secret: member names and posts are not for other web pages.
/// </summary>
public static class LocalPeopleEndpoints
{
    public const string Path = "/local/people";
    public const string GroupsPath = "/local/groups";

    public static IEndpointRouteBuilder MapLocalPeople(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, async (ILocalPeopleSource people, CancellationToken cancellationToken) =>
            LocalChannelResults.Json(await people.ListAsync(cancellationToken)))
            .RequireDirectLine(DirectLineAccess.Secret);
        endpoints.MapGet(GroupsPath, async (ILocalPeopleSource people, CancellationToken cancellationToken) =>
            LocalChannelResults.Json(await people.ListGroupsAsync(cancellationToken)))
            .RequireDirectLine(DirectLineAccess.Secret);
        return endpoints;
    }
}
