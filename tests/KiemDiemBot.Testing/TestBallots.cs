using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Testing;

/// <summary>What <see cref="TestBallots.ClosedRankingBallotAsync"/> wrote: the ballot, and its subjects by name with the votes each got.</summary>
public sealed record TestBallot(Guid BallotId, Guid CycleId, Guid BodyId, IReadOnlyList<string> SubjectNames, int VotesEach);

/// <summary>
/// Ballot rows as the ballot service leaves them once a ballot closes, written straight to storage for tests of what
/// reads them (exports): attendance flags, anonymous counters, outcomes, and optionally the decided rankings.
/// </summary>
public static class TestBallots
{
    /// <summary>
    /// A closed ranking ballot of the organisation with <paramref name="bodyCode"/> (in the open cycle) held in the given
    /// chat: every member of the cell summoned and present, its first three official members (by code) the subjects,
    /// each with every vote at HTTNV, and so counted HTTNV; with <paramref name="decide"/>, those levels decided.
    /// </summary>
    /// <param name="closedAt">When it closed (default: one hour after the Unix epoch); a later one is the chat's latest.</param>
    /// <param name="meetingId">The review meeting it was held in, when it belongs to one (its minutes then show the meeting's time and draft comments).</param>
    public static async Task<TestBallot> ClosedRankingBallotAsync(
        IServiceProvider services, string bodyCode, string channelId, string conversationId, bool decide, DateTimeOffset? closedAt = null, Guid? meetingId = null)
    {
        await TestRoster.SeedDemoAsync(services);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var body = await db.Organisations.AsNoTracking().SingleAsync(o => o.Code == bodyCode);
        var cycle = await db.ReviewCycles.AsNoTracking().FirstAsync();
        var members = (await db.Members.AsNoTracking().Where(m => m.OfficialCellId == body.Id).ToListAsync()).OrderBy(m => m.Code, StringComparer.Ordinal).ToList();
        var voters = members.Where(m => m.Membership == MembershipKind.Official && m.ActivityStatus == PartyActivityStatus.Active).ToList();
        var subjects = voters.Take(3).ToList();
        var ballot = new Ballot
        {
            Id = Guid.NewGuid(),
            CycleId = cycle.Id,
            BodyId = body.Id,
            Kind = BallotKind.Ranking,
            SubjectKind = BallotSubjectKind.Member,
            State = BallotState.Closed,
            Base = voters.Count,
            EligibleVoters = voters.Count,
            Cast = voters.Count,
            ChannelId = channelId,
            ConversationId = conversationId,
            OpenedAt = DateTimeOffset.UnixEpoch,
            ClosedAt = closedAt ?? DateTimeOffset.UnixEpoch.AddHours(1),
            MeetingId = meetingId,
        };
        db.Ballots.Add(ballot);
        foreach (var member in members)
        {
            var official = member.Membership == MembershipKind.Official;
            var exempt = member.ActivityStatus != PartyActivityStatus.Active;
            db.BallotVoters.Add(new BallotVoter { BallotId = ballot.Id, MemberId = member.Id, IsOfficial = official, IsExempt = exempt, IsPresent = !exempt, HasCast = official && !exempt });
        }
        for (var i = 0; i < subjects.Count; i++)
        {
            db.BallotSubjects.Add(new BallotSubject { BallotId = ballot.Id, SubjectId = subjects[i].Id, Position = i, Outcome = RankingLevel.GoodCompletion });
            foreach (var level in RankingLevels.TopDown)
            {
                foreach (var source in Enum.GetValues<BallotSource>())
                {
                    var votes = level == RankingLevel.GoodCompletion && source == BallotSource.Chat ? voters.Count : 0;
                    db.BallotCounters.Add(new BallotCounter { BallotId = ballot.Id, SubjectId = subjects[i].Id, Choice = (short)level, Source = source, Votes = votes });
                }
            }
            if (decide)
            {
                db.RankingDecisions.Add(new RankingDecision
                {
                    Id = Guid.NewGuid(),
                    CycleId = cycle.Id,
                    SubjectKind = BallotSubjectKind.Member,
                    SubjectId = subjects[i].Id,
                    Level = RankingLevel.GoodCompletion,
                    DecidedByBodyId = body.ParentId ?? body.Id,
                    BallotId = ballot.Id,
                    DecidedAt = ballot.ClosedAt.Value,
                });
            }
        }
        await db.SaveChangesAsync();
        return new TestBallot(ballot.Id, cycle.Id, body.Id, [.. subjects.Select(s => s.FullName)], voters.Count);
    }
}
