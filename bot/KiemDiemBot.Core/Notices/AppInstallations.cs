using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Notices;

internal sealed class AppInstallations(KiemDiemDbContext db, IAppInstaller installer, TimeProvider clock) : IAppInstallations
{
    private const string Personal = "personal";
    private const int MaxErrorLength = 200;

    public async Task<IReadOnlyList<Guid>> CandidatesAsync(CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking()
            .Where(m => m.ActivityStatus == PartyActivityStatus.Active && m.EntraObjectId != null && m.LeftDirectoryAt == null)
            .Select(m => new { m.Id, m.EntraObjectId, m.EmailKey })
            .ToListAsync(cancellationToken);
        var done = (await db.AppInstallations.AsNoTracking()
                .Where(i => i.Status != AppInstallStatus.Pending)
                .Select(i => i.MemberId)
                .ToListAsync(cancellationToken))
            .ToHashSet();
        var chats = await PersonalChatsAsync(cancellationToken);
        return [.. members
            .Where(m => !done.Contains(m.Id) && !chats.Reaches(m.EntraObjectId, m.EmailKey))
            .Select(m => m.Id)
            .Order()];
    }

    public async Task<AppInstallStep> InstallAsync(Guid memberId, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking()
            .Where(m => m.Id == memberId)
            .Select(m => new { m.EntraObjectId, m.EmailKey })
            .FirstOrDefaultAsync(cancellationToken);
        if (member?.EntraObjectId is not { } objectId)
        {
            return AppInstallStep.Skipped;
        }
        var row = await db.AppInstallations.FirstOrDefaultAsync(i => i.MemberId == memberId, cancellationToken);
        if (row is { Status: not AppInstallStatus.Pending })
        {
            return AppInstallStep.Skipped;
        }
        if ((await PersonalChatsAsync(cancellationToken)).Reaches(objectId, member.EmailKey))
        {
            return AppInstallStep.Skipped;
        }
        var now = clock.GetUtcNow();
        if (row is null)
        {
            row = new AppInstallation { MemberId = memberId, Status = AppInstallStatus.Pending, CreatedAt = now };
            db.AppInstallations.Add(row);
        }
        row.Attempts++;
        row.UpdatedAt = now;
        AppInstallResult result;
        try
        {
            result = await installer.InstallAsync(objectId, cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException or IOException
            || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Still Pending, with the attempt and the reason: a later run tries again.
            row.LastError = Shorten(exception.GetType().Name + (exception is HttpRequestException { StatusCode: { } status } ? " " + (int)status : ""));
            return AppInstallStep.Retry;
        }
        row.Status = result.Status;
        row.LastError = result.Status == AppInstallStatus.Failed ? Shorten(result.Error ?? "failed") : null;
        return result.Status switch
        {
            AppInstallStatus.Installed => AppInstallStep.Installed,
            AppInstallStatus.AlreadyInstalled => AppInstallStep.AlreadyInstalled,
            AppInstallStatus.Failed => AppInstallStep.Failed,
            _ => AppInstallStep.Retry,
        };
    }

    public async Task<IReadOnlyDictionary<Guid, IReadOnlyList<AppInstallFailure>>> FailuresByCellAsync(CancellationToken cancellationToken)
    {
        var failed = await db.AppInstallations.AsNoTracking()
            .Where(i => i.Status == AppInstallStatus.Failed)
            .Join(db.Members.Where(m => m.ActivityStatus == PartyActivityStatus.Active), i => i.MemberId, m => m.Id,
                (i, m) => new { m.Id, m.FullName, m.OfficialCellId, i.LastError })
            .ToListAsync(cancellationToken);
        var byName = StringComparer.Create(RuleReason.TextCulture, ignoreCase: true);
        return failed
            .GroupBy(f => f.OfficialCellId)
            .ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<AppInstallFailure>)[.. g.OrderBy(f => f.FullName, byName).ThenBy(f => f.Id).Select(f => new AppInstallFailure(f.Id, f.FullName, f.LastError))]);
    }

    private async Task<PersonalChats> PersonalChatsAsync(CancellationToken cancellationToken)
    {
        var references = await db.ConversationReferences.AsNoTracking()
            .Where(r => r.ConversationType == Personal)
            .Select(r => new { r.UserAadObjectId, r.UserId })
            .ToListAsync(cancellationToken);
        return new PersonalChats(
            references.Where(r => r.UserAadObjectId is not null).Select(r => r.UserAadObjectId!.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            references.Select(r => Member.ToEmailKey(r.UserId)).OfType<string>().ToHashSet(StringComparer.Ordinal));
    }

    private static string Shorten(string text) => text.Length <= MaxErrorLength ? text : text[..MaxErrorLength];

    /// <summary>
    /// Who has a personal chat with the bot (blocked ones included: a member who blocked the bot is not installed for
    /// again behind their back), by Entra object id or, on the local channel, e-mail.
    /// </summary>
    private sealed record PersonalChats(HashSet<string> ObjectIds, HashSet<string> Emails)
    {
        public bool Reaches(Guid? objectId, string? emailKey) =>
            (objectId is { } id && ObjectIds.Contains(id.ToString("D"))) || (emailKey is not null && Emails.Contains(emailKey));
    }
}
