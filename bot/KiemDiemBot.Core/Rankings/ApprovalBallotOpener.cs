using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Resources;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Rankings;

/// <summary>
/// Opens the HTXSNV approval ballot as ballot rows the ballot service casts on, closes and re-votes: the ballot
/// (its seats, its base = the voters), one subject per candidate, one voter row per committee member (present, not
/// cast), and every counter at zero (agree and disagree, chat and paper), so that casting only adds to existing rows.
/// </summary>
internal sealed class ApprovalBallotOpener(KiemDiemDbContext db, TimeProvider clock) : IApprovalBallotOpener
{
    public async Task<OpenedBallot> OpenApprovalAsync(ApprovalBallotRequest request, Guid actorMemberId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Seats);
        var conversation = request.Conversation;
        var body = await db.Organisations.AsNoTracking().Where(o => o.Id == request.BodyId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken)
            ?? throw new KeyNotFoundException($"No organisation {request.BodyId}.");
        var busy = await db.Ballots.AnyAsync(b => b.State == BallotState.Open
            && (b.BodyId == request.BodyId || (b.ChannelId == conversation.ChannelId && b.ConversationId == conversation.ConversationId)), cancellationToken);
        if (busy)
        {
            throw new BallotRefusedException(string.Format(RuleReason.TextCulture, RankingTexts.BallotStillOpen, body));
        }
        var candidates = request.CandidateIds.Distinct().ToList();
        var voters = request.VoterIds.Distinct().ToList();
        var ballot = new Ballot
        {
            Id = Guid.NewGuid(),
            CycleId = request.CycleId,
            BodyId = request.BodyId,
            Kind = BallotKind.ExcellenceApproval,
            SubjectKind = request.SubjectKind,
            State = BallotState.Open,
            Round = 1,
            Seats = request.Seats,
            Base = voters.Count,
            EligibleVoters = voters.Count,
            ChannelId = conversation.ChannelId,
            ConversationId = conversation.ConversationId,
            OpenedBy = actorMemberId,
            OpenedAt = clock.GetUtcNow(),
        };
        db.Ballots.Add(ballot);
        for (var i = 0; i < candidates.Count; i++)
        {
            db.BallotSubjects.Add(new BallotSubject { BallotId = ballot.Id, SubjectId = candidates[i], Position = i });
            foreach (var choice in new[] { BallotCounter.Agree, BallotCounter.Disagree })
            {
                foreach (var source in new[] { BallotSource.Chat, BallotSource.Paper })
                {
                    db.BallotCounters.Add(new BallotCounter { BallotId = ballot.Id, SubjectId = candidates[i], Choice = choice, Source = source });
                }
            }
        }
        foreach (var voter in voters)
        {
            db.BallotVoters.Add(new BallotVoter { BallotId = ballot.Id, MemberId = voter, IsOfficial = true, IsPresent = true });
        }
        var names = await SubjectNamesAsync(candidates, cancellationToken);
        var view = new BallotView(
            ballot.Id, ballot.CycleId, ballot.BodyId, body, ballot.Kind, ballot.SubjectKind, ballot.State, ballot.Round, null,
            ballot.Seats, ballot.Base, ballot.EligibleVoters, 0, 0, false, conversation,
            [.. candidates.Select(id => new BallotSubjectView(id, names.GetValueOrDefault(id, ""), [], []))]);
        return new OpenedBallot(view, voters);
    }

    private async Task<Dictionary<Guid, string>> SubjectNamesAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => new { m.Id, m.FullName }).ToListAsync(cancellationToken);
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken);
        return members.Select(m => (m.Id, Name: m.FullName)).Concat(organisations.Select(o => (o.Id, o.Name))).ToDictionary(x => x.Id, x => x.Name);
    }
}
