using System.Security.Cryptography;
using System.Text;
using Hangfire;
using KiemDiemBot.Cards;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace KiemDiemBot.Scheduler;

/// <summary>What one run of <see cref="AppInstallJob"/> did.</summary>
public sealed record AppInstallOutcome(int Installed, int AlreadyInstalled, int Failed, int Retry, int SecretariesTold);

/// <summary>
/// Hourly: installs the Teams app for every member the bot cannot reach who has an Entra object id (each in its own
/// scope and commit, the outcome recorded per member so a repeated or retried run never installs twice); Teams then
/// tells the bot about the new personal chat and later messages reach them. Then each cell's secretaries get the
/// list of the cell's members it could not be installed for, with what to do; the same list is sent once.
/// </summary>
public sealed partial class AppInstallJob(IServiceScopeFactory scopes, ILogger<AppInstallJob> logger)
{
    public const string RecurringId = "install-app";

    /// <summary>Hangfire's entry point (two instances never run it at once).</summary>
    [DisableConcurrentExecution(600)]
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public Task RunAsync(CancellationToken cancellationToken) => InstallAsync(cancellationToken);

    public async Task<AppInstallOutcome> InstallAsync(CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> candidates;
        await using (var scope = scopes.CreateAsyncScope())
        {
            candidates = await scope.ServiceProvider.GetRequiredService<IAppInstallations>().CandidatesAsync(cancellationToken);
        }
        var steps = new Dictionary<AppInstallStep, int>();
        foreach (var memberId in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await using var scope = scopes.CreateAsyncScope();
            var step = await scope.ServiceProvider.GetRequiredService<IAppInstallations>().InstallAsync(memberId, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
            steps[step] = steps.GetValueOrDefault(step) + 1;
            MemberDone(logger, memberId, step);
        }
        var told = await TellSecretariesAsync(cancellationToken);
        var outcome = new AppInstallOutcome(
            steps.GetValueOrDefault(AppInstallStep.Installed),
            steps.GetValueOrDefault(AppInstallStep.AlreadyInstalled),
            steps.GetValueOrDefault(AppInstallStep.Failed),
            steps.GetValueOrDefault(AppInstallStep.Retry),
            told);
        Ran(logger, candidates.Count, outcome.Installed, outcome.AlreadyInstalled, outcome.Failed, outcome.Retry, told);
        return outcome;
    }

    /// <summary>Registers the hourly run (stable id, so every start updates the same entry).</summary>
    public static void Schedule(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<AppInstallJob>(RecurringId, job => job.RunAsync(CancellationToken.None), Cron.Hourly(), new RecurringJobOptions { TimeZone = VietnamTime.Zone });

    /// <summary>One card per cell with failures to its secretaries, deduplicated by the list itself: a new failure sends the new list.</summary>
    private async Task<int> TellSecretariesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var failures = await services.GetRequiredService<IAppInstallations>().FailuresByCellAsync(cancellationToken);
        var audience = services.GetRequiredService<IReminderAudience>();
        var organisations = services.GetRequiredService<IBallotExportScope>();
        var notices = services.GetRequiredService<IMemberNotices>();
        var told = 0;
        foreach (var (cellId, members) in failures.OrderBy(f => f.Key))
        {
            var secretaries = await audience.SecretariesAsync(cellId, cancellationToken);
            if (secretaries.Count == 0)
            {
                NoSecretary(logger, cellId, members.Count);
                continue;
            }
            var cellName = await organisations.OrganisationNameAsync(cellId, cancellationToken) ?? string.Empty;
            var card = AppInstallFailuresCard.Build(new AppInstallFailuresCardInput(
                cellName, [.. members.Select(m => new AppInstallFailureLine(m.FullName, ReasonOf(m.Reason)))]));
            var list = string.Join(",", members.Select(m => m.MemberId.ToString("N")).Order(StringComparer.Ordinal));
            var scopeKey = "app-install-failures:" + cellId.ToString("N") + ":" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(list)))[..16];
            var sent = await notices.StageToMembersAsync(secretaries, card, scopeKey, cancellationToken);
            told += sent.Staged;
        }
        await services.GetRequiredService<IUnitOfWork>().CommitAsync(cancellationToken);
        return told;
    }

    /// <summary>The reason recorded ("403 ...", "404 ...") as the secretary reads it.</summary>
    internal static AppInstallFailureReason ReasonOf(string? error) => error switch
    {
        { } e when e.StartsWith("404", StringComparison.Ordinal) => AppInstallFailureReason.NotFound,
        { } e when e.StartsWith("403", StringComparison.Ordinal) => AppInstallFailureReason.NotAllowed,
        _ => AppInstallFailureReason.Other,
    };

    [LoggerMessage(EventId = 8711, Level = LogLevel.Debug, Message = "App installation for member {MemberId}: {Step}")]
    private static partial void MemberDone(ILogger logger, Guid memberId, AppInstallStep step);

    [LoggerMessage(EventId = 8712, Level = LogLevel.Warning, Message = "Cell {CellId} has {Failed} members the app could not be installed for and no secretary to tell")]
    private static partial void NoSecretary(ILogger logger, Guid cellId, int failed);

    [LoggerMessage(EventId = 8713, Level = LogLevel.Information,
        Message = "App installation run: {Candidates} candidates, {Installed} installed, {AlreadyInstalled} already installed, {Failed} failed, {Retry} to retry; {Told} secretaries told")]
    private static partial void Ran(ILogger logger, int candidates, int installed, int alreadyInstalled, int failed, int retry, int told);
}
