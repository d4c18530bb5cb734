using System.Globalization;
using KiemDiemBot.Bot.LocalChannel;
using KiemDiemBot.Cards;

namespace KiemDiemBot.Bot.Files;

/// <summary>What a download link's token turned out to be.</summary>
public enum LocalFileLinkStatus
{
    Valid,

    /// <summary>Not a token of this shape at all.</summary>
    Malformed,

    /// <summary>Well formed, but not signed by this start of the host (altered, or from an earlier start).</summary>
    Tampered,

    /// <summary>Signed by this host, but its time is up.</summary>
    Expired,
}

/// <summary>A checked token: for a valid one, the member it was given to and the review it opens.</summary>
public sealed record LocalFileLink(LocalFileLinkStatus Status, Guid MemberId, Guid ReviewId)
{
    public static LocalFileLink Refused(LocalFileLinkStatus status) => new(status, Guid.Empty, Guid.Empty);
}

/// <summary>A checked ballot paper token: for a valid one, the member it was given to and the paper it opens.</summary>
public sealed record LocalPaperLink(LocalFileLinkStatus Status, Guid MemberId, BallotPaperRequest? Request);

/// <summary>
/// The local chat's download links (<c>GET /files/{token}</c>): a token bound to one member and one review that
/// works for <see cref="Lifetime"/>, <c>{member}.{review}.{expires}.{mac}</c>, signed with the local Direct Line's
/// per-start key (<see cref="DirectLineSecret.Sign"/>), so a restart voids every link handed out before it.
/// </summary>
public sealed class LocalFileLinks(DirectLineSecret secret, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private const string Purpose = "file-download";
    private const string PaperPurpose = "ballot-paper-download";
    private const string MinutesKind = "m";
    private const string RankingListKind = "r";

    public string Issue(Guid memberId, Guid reviewId)
    {
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var payload = string.Create(CultureInfo.InvariantCulture, $"{memberId:N}.{reviewId:N}.{expires}");
        return payload + "." + secret.Sign(Purpose, payload);
    }

    public LocalFileLink Check(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not [var member, var review, var expiresText, var mac]
            || !Guid.TryParseExact(member, "N", out var memberId)
            || !Guid.TryParseExact(review, "N", out var reviewId)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || mac.Length == 0)
        {
            return LocalFileLink.Refused(LocalFileLinkStatus.Malformed);
        }
        if (!secret.Verify(Purpose, $"{member}.{review}.{expiresText}", mac))
        {
            return LocalFileLink.Refused(LocalFileLinkStatus.Tampered);
        }
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return LocalFileLink.Refused(LocalFileLinkStatus.Expired);
        }
        return new LocalFileLink(LocalFileLinkStatus.Valid, memberId, reviewId);
    }

    /// <summary>
    /// A link to a ballot paper for the member the export dialog allowed it to:
    /// <c>{member}.{m|r}.{ballot or cycle}.{body or 0}.{expires}.{mac}</c>, signed for its own purpose so a self-review
    /// token never opens a paper nor the other way round.
    /// </summary>
    public string IssuePaper(Guid memberId, BallotPaperRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expires = (clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var (kind, first, second) = request.BallotId is { } ballot
            ? (MinutesKind, ballot, Guid.Empty)
            : (RankingListKind, request.CycleId!.Value, request.BodyId!.Value);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{memberId:N}.{kind}.{first:N}.{second:N}.{expires}");
        return payload + "." + secret.Sign(PaperPurpose, payload);
    }

    public LocalPaperLink CheckPaper(string? token)
    {
        var parts = token?.Split('.');
        if (parts is not [var member, var kind, var first, var second, var expiresText, var mac]
            || !Guid.TryParseExact(member, "N", out var memberId)
            || kind is not (MinutesKind or RankingListKind)
            || !Guid.TryParseExact(first, "N", out var firstId)
            || !Guid.TryParseExact(second, "N", out var secondId)
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || mac.Length == 0)
        {
            return new LocalPaperLink(LocalFileLinkStatus.Malformed, Guid.Empty, null);
        }
        if (!secret.Verify(PaperPurpose, $"{member}.{kind}.{first}.{second}.{expiresText}", mac))
        {
            return new LocalPaperLink(LocalFileLinkStatus.Tampered, Guid.Empty, null);
        }
        if (clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return new LocalPaperLink(LocalFileLinkStatus.Expired, Guid.Empty, null);
        }
        var request = kind == MinutesKind ? BallotPaperRequest.Minutes(firstId) : BallotPaperRequest.RankingList(firstId, secondId);
        return new LocalPaperLink(LocalFileLinkStatus.Valid, memberId, request);
    }
}
