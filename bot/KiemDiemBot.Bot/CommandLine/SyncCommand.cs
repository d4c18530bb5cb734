using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Storage;
using Microsoft.Graph.Models.ODataErrors;

namespace KiemDiemBot.Bot.CommandLine;

/// <summary>
/// <c>sync link &lt;organisation code&gt; &lt;group id&gt;</c>: links the organisation to a Microsoft 365 group (the
/// group must exist). <c>sync [organisation code]</c>: one roster sync round for every linked organisation, or for one,
/// each committed on its own, printing the report in Vietnamese. Exit codes: 2 wrong usage, unknown organisation or
/// group, or roster sync not enabled (<c>Graph:Roster:Enabled</c>); 3 database not migrated; 4 Graph failed.
/// </summary>
public sealed class SyncCommand(
    IServiceScopeFactory scopes,
    IDatabaseMigrator migrator,
    StorageOptions storage,
    TextWriter output) : ICliCommand
{
    public const int GraphFailedExitCode = 4;

    public string Name => "sync";

    public async Task<int> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var isLink = arguments.Count > 0 && arguments[0] == "link";
        if ((isLink && arguments.Count != 3) || (!isLink && arguments.Count > 1))
        {
            await output.WriteLineAsync(RosterSyncCommandTexts.Usage);
            return 2;
        }
        await using (var probe = scopes.CreateAsyncScope())
        {
            if (probe.ServiceProvider.GetService<IRosterSync>() is null)
            {
                await output.WriteLineAsync(RosterSyncCommandTexts.NotEnabled);
                return 2;
            }
        }
        if (!await CommandDatabase.EnsureReadyAsync(storage, migrator, output, cancellationToken))
        {
            return 3;
        }
        try
        {
            return isLink
                ? await LinkAsync(arguments[1], arguments[2], cancellationToken)
                : await SyncAsync(arguments.Count == 1 ? arguments[0] : null, cancellationToken);
        }
        catch (ODataError error)
        {
            await output.WriteLineAsync(RosterSyncCommandTexts.Failed(isLink ? arguments[1] : arguments.ElementAtOrDefault(0) ?? "*", $"{error.ResponseStatusCode} {error.Error?.Code}"));
            return GraphFailedExitCode;
        }
    }

    private async Task<int> LinkAsync(string code, string groupId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IRosterSync>().LinkAsync(code, groupId, cancellationToken);
        switch (result.Outcome)
        {
            case RosterSyncLinkOutcome.OrganisationNotFound:
                await output.WriteLineAsync(RosterSyncCommandTexts.OrganisationNotFound(code));
                return 2;
            case RosterSyncLinkOutcome.GroupNotFound:
                await output.WriteLineAsync(RosterSyncCommandTexts.GroupNotFound(groupId));
                return 2;
            default:
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
                await output.WriteLineAsync(RosterSyncCommandTexts.Linked(result.OrganisationName!, result.GroupName!, groupId.Trim()));
                return 0;
        }
    }

    private async Task<int> SyncAsync(string? code, CancellationToken cancellationToken)
    {
        IReadOnlyList<RosterSyncLink> links;
        await using (var scope = scopes.CreateAsyncScope())
        {
            links = await scope.ServiceProvider.GetRequiredService<IRosterSync>().ListLinksAsync(cancellationToken);
        }
        var chosen = code is null ? links : links.Where(l => string.Equals(l.OrganisationCode, code.Trim(), StringComparison.Ordinal)).ToList();
        if (chosen.Count == 0)
        {
            await output.WriteLineAsync(code is null ? RosterSyncCommandTexts.NoLinks : RosterSyncCommandTexts.NotLinked(code));
            return 2;
        }
        var exitCode = 0;
        foreach (var link in chosen)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var report = await scope.ServiceProvider.GetRequiredService<IRosterSync>().SyncAsync(link.OrganisationId, cancellationToken);
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
                foreach (var line in RosterSyncCommandTexts.Report(report!))
                {
                    await output.WriteLineAsync(line);
                }
            }
            catch (ODataError error)
            {
                // One organisation's failure does not stop the others.
                await output.WriteLineAsync(RosterSyncCommandTexts.Failed(link.OrganisationCode, $"{error.ResponseStatusCode} {error.Error?.Code}"));
                exitCode = GraphFailedExitCode;
            }
        }
        return exitCode;
    }
}
