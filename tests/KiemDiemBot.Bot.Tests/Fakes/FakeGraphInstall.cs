using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Microsoft Graph's app installation for users, mapped onto a <see cref="FakeGraph"/> (construct before the server
/// starts): <c>POST /users/{id}/teamwork/installedApps</c> with <c>teamsApp@odata.bind</c> naming
/// <c>.../appCatalogs/teamsApps/{app id}</c> answers 201 with no body and records the installation; again for the
/// same user 409 <c>Conflict</c>; a binding to another app 404 <c>NotFound</c>; a user scripted with
/// <see cref="Refuse"/> gets that error (e.g. 403 <c>Forbidden</c> for a user without a Teams licence).
/// </summary>
public sealed class FakeGraphInstall
{
    private readonly Lock gate = new();
    private readonly string appId;
    private readonly HashSet<string> installed = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FakeGraphFailure> refusals = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> attempts = [];

    public FakeGraphInstall(FakeGraph graph, string appId)
    {
        ArgumentNullException.ThrowIfNull(graph);
        this.appId = appId;
        graph.Map("POST", "/users/{userId}/teamwork/installedApps", InstallAsync);
    }

    /// <summary>Users (object ids) who have the app.</summary>
    public IReadOnlySet<string> Installed
    {
        get { lock (gate) { return installed.ToHashSet(StringComparer.OrdinalIgnoreCase); } }
    }

    /// <summary>Every installation request, by user, in order.</summary>
    public IReadOnlyList<string> Attempts
    {
        get { lock (gate) { return [.. attempts]; } }
    }

    /// <summary>The user already has the app (installed by hand, or by another run).</summary>
    public void AlreadyHas(string userId)
    {
        lock (gate)
        {
            installed.Add(userId);
        }
    }

    /// <summary>Every installation for <paramref name="userId"/> is refused with <paramref name="failure"/>.</summary>
    public void Refuse(string userId, FakeGraphFailure failure)
    {
        lock (gate)
        {
            refusals[userId] = failure;
        }
    }

    private async Task InstallAsync(HttpContext context)
    {
        var userId = (string)context.Request.RouteValues["userId"]!;
        var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
        var binding = (string?)body?["teamsApp@odata.bind"];
        FakeGraphFailure? refusal;
        bool already;
        lock (gate)
        {
            attempts.Add(userId);
            refusals.TryGetValue(userId, out refusal);
            already = installed.Contains(userId);
            if (refusal is null && !already && binding is not null && binding.EndsWith("/appCatalogs/teamsApps/" + appId, StringComparison.OrdinalIgnoreCase))
            {
                installed.Add(userId);
            }
        }
        if (binding is null)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.BadRequest, "BadRequest", "The teamsApp@odata.bind property is required.");
        }
        else if (!binding.EndsWith("/appCatalogs/teamsApps/" + appId, StringComparison.OrdinalIgnoreCase))
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.NotFound, "NotFound", "The app was not found in the catalog.");
        }
        else if (refusal is not null)
        {
            await FakeGraph.WriteErrorAsync(context, refusal.Status, refusal.Code, refusal.Message);
        }
        else if (already)
        {
            await FakeGraph.WriteErrorAsync(context, HttpStatusCode.Conflict, "Conflict", "App is already installed for the user.");
        }
        else
        {
            context.Response.StatusCode = (int)HttpStatusCode.Created;
        }
    }
}
