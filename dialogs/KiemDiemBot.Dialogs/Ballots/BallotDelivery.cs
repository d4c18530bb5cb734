using System.Globalization;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Dialogs.Resources;

namespace KiemDiemBot.Dialogs.Ballots;

/// <summary>
/// Sends an opened ballot's private cards: one per voter, in their personal chat with the bot, through the outbox
/// (at most once per voter and ballot), and says who could not be reached (they vote on paper).
/// </summary>
public static class BallotDelivery
{
    /// <summary>The dedupe scope of a ballot's cards: a voter gets each ballot (each round) once.</summary>
    public static string DedupeScope(Guid ballotId) => "ballot:" + ballotId.ToString("N");

    public static Task<NoticeFanOut> StageAsync(IMemberNotices notices, OpenedBallot opened, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notices);
        ArgumentNullException.ThrowIfNull(opened);
        return notices.StageToMembersAsync(opened.VoterIds, BallotCards.Ballot(opened.Ballot), DedupeScope(opened.Ballot.BallotId), cancellationToken);
    }

    /// <summary>The names of the voters the bot cannot write to, or null when everyone was reached.</summary>
    public static string? UnreachableNames(NoticeFanOut sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        return sent.Unreachable.Count == 0 ? null : string.Join(", ", sent.Unreachable.Select(u => u.FullName));
    }

    /// <summary>The report to the secretary: how many got a card and who did not.</summary>
    public static string Report(NoticeFanOut sent)
    {
        ArgumentNullException.ThrowIfNull(sent);
        var culture = CultureInfo.InvariantCulture;
        var report = string.Format(culture, BallotDialogTexts.OpenedReport, sent.Staged + sent.AlreadySent);
        return UnreachableNames(sent) is { } names
            ? report + "\n\n" + string.Format(culture, BallotDialogTexts.OpenedUnreachable, names)
            : report;
    }
}
