using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Rules.Eligibility;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Tests.Exports;

/// <summary>
/// Rows written straight through the internal DbContext, as the ballot and decision services would leave them:
/// a cycle, organisations, members, a meeting, closed ballots with their anonymous counters and attendance, and
/// decided rankings. Each call saves at once.
/// </summary>
internal sealed class BallotWorld(StorageFixture storage)
{
    public static readonly DateTimeOffset MeetingStart = new(2022, 11, 25, 1, 0, 0, TimeSpan.Zero); // 08:00 in Hà Nội

    public Guid CycleId { get; } = Guid.NewGuid();

    public async Task CycleAsync(int year = 2022) =>
        await SaveAsync(db => db.ReviewCycles.Add(new ReviewCycle { Id = CycleId, Year = year, RuleSetCode = RuleSetCodes.Hd21Of2022, CreatedAt = MeetingStart }));

    public async Task<Guid> OrganisationAsync(string name, OrganisationKind kind, Guid? parentId = null)
    {
        var id = Guid.NewGuid();
        await SaveAsync(db => db.Organisations.Add(new Organisation { Id = id, Code = "O-" + id.ToString("N")[..8], Name = name, Kind = kind, ParentId = parentId }));
        return id;
    }

    public async Task<Guid> MemberAsync(
        string name,
        Guid cellId,
        MembershipKind membership = MembershipKind.Official,
        PartyActivityStatus status = PartyActivityStatus.Active,
        DateOnly? admittedOn = null)
    {
        var id = Guid.NewGuid();
        await SaveAsync(db => db.Members.Add(new Member
        {
            Id = id,
            Code = "M-" + id.ToString("N")[..8],
            FullName = name,
            OfficialCellId = cellId,
            Membership = membership,
            ActivityStatus = status,
            AdmittedOn = admittedOn ?? new DateOnly(2010, 5, 19),
        }));
        return id;
    }

    public async Task PostAsync(Guid memberId, Guid bodyId, PositionTitle title) =>
        await SaveAsync(db => db.Positions.Add(new Position { Id = Guid.NewGuid(), MemberId = memberId, BodyId = bodyId, Title = title }));

    public async Task<Guid> MeetingAsync(Guid bodyId, IReadOnlyList<Guid> participants, IReadOnlyCollection<Guid> coChairs)
    {
        var id = Guid.NewGuid();
        await SaveAsync(db =>
        {
            db.ReviewMeetings.Add(new ReviewMeeting
            {
                Id = id,
                CycleId = CycleId,
                OrganisationId = bodyId,
                StartsAt = MeetingStart,
                EndsAt = MeetingStart.AddHours(4),
                ChannelId = "msteams",
                ConversationId = "meeting-" + bodyId.ToString("N"),
                CreatedAt = MeetingStart.AddDays(-7),
                UpdatedAt = MeetingStart.AddDays(-7),
            });
            for (var i = 0; i < participants.Count; i++)
            {
                db.ReviewMeetingParticipants.Add(new ReviewMeetingParticipant { MeetingId = id, MemberId = participants[i], IsCoChair = coChairs.Contains(participants[i]), Position = i });
            }
        });
        return id;
    }

    /// <summary>A closed ballot with its attendance, subjects (in order, with the counted outcome) and counters.</summary>
    public async Task<Guid> BallotAsync(BallotSpec spec)
    {
        var id = Guid.NewGuid();
        await SaveAsync(db =>
        {
            db.Ballots.Add(new Ballot
            {
                Id = id,
                CycleId = CycleId,
                BodyId = spec.BodyId,
                MeetingId = spec.MeetingId,
                Kind = spec.Kind,
                SubjectKind = spec.SubjectKind,
                State = BallotState.Closed,
                Round = spec.Round,
                PreviousBallotId = spec.PreviousBallotId,
                Seats = spec.Seats,
                Base = spec.Base,
                EligibleVoters = spec.EligibleVoters,
                Cast = spec.Cast,
                PaperBallots = spec.Paper,
                ChannelId = "msteams",
                ConversationId = "meeting-" + spec.BodyId.ToString("N"),
                OpenedBy = Guid.Empty,
                OpenedAt = MeetingStart.AddMinutes(30 * spec.Order),
                ClosedAt = MeetingStart.AddMinutes((30 * spec.Order) + 20),
            });
            foreach (var voter in spec.Voters)
            {
                db.BallotVoters.Add(new BallotVoter
                {
                    BallotId = id,
                    MemberId = voter.MemberId,
                    IsOfficial = voter.IsOfficial,
                    IsExempt = voter.IsExempt,
                    IsPresent = voter.IsPresent,
                    HasCast = voter.IsPresent && voter.IsOfficial && !voter.IsExempt,
                });
            }
            for (var i = 0; i < spec.Subjects.Count; i++)
            {
                var subject = spec.Subjects[i];
                db.BallotSubjects.Add(new BallotSubject
                {
                    BallotId = id,
                    SubjectId = subject.SubjectId,
                    Position = i,
                    Outcome = subject.Outcome,
                    NeedsRevote = subject.NeedsRevote,
                    Kept = subject.Kept,
                });
                foreach (var ((choice, source), votes) in subject.Counters)
                {
                    db.BallotCounters.Add(new BallotCounter { BallotId = id, SubjectId = subject.SubjectId, Choice = choice, Source = source, Votes = votes });
                }
            }
        });
        return id;
    }

    public async Task DecideAsync(Guid subjectId, RankingLevel level, Guid decidedBy, Guid? ballotId, BallotSubjectKind kind = BallotSubjectKind.Member, int revision = 1, string? reason = null) =>
        await SaveAsync(db => db.RankingDecisions.Add(new RankingDecision
        {
            Id = Guid.NewGuid(),
            CycleId = CycleId,
            SubjectKind = kind,
            SubjectId = subjectId,
            Level = level,
            DecidedByBodyId = decidedBy,
            BallotId = ballotId,
            Revision = revision,
            Reason = reason,
            DecidedAt = MeetingStart.AddHours(5),
            DecidedBy = Guid.Empty,
        }));

    private async Task SaveAsync(Action<KiemDiemDbContext> change)
    {
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        change(db);
        await db.SaveChangesAsync();
    }
}

internal sealed record VoterSpec(Guid MemberId, bool IsOfficial = true, bool IsExempt = false, bool IsPresent = true);

/// <summary>A subject's counters: (choice, source) to votes; choices are <see cref="RankingLevel"/> values or agree/disagree.</summary>
internal sealed record SubjectSpec(Guid SubjectId, IReadOnlyDictionary<(short Choice, BallotSource Source), int> Counters, RankingLevel? Outcome = null, bool NeedsRevote = false, bool? Kept = null)
{
    public static SubjectSpec Ranking(Guid subjectId, RankingLevel? outcome, params (RankingLevel Level, int Chat, int Paper)[] votes) =>
        new(subjectId, Tally(votes.Select(v => ((short)v.Level, v.Chat, v.Paper))), outcome, NeedsRevote: outcome is null);

    public static SubjectSpec Approval(Guid subjectId, int agree, int disagree, bool? kept, bool revote = false, int paperAgree = 0, int paperDisagree = 0) =>
        new(subjectId, Tally([(BallotCounter.Agree, agree - paperAgree, paperAgree), (BallotCounter.Disagree, disagree - paperDisagree, paperDisagree)]), null, revote, kept);

    private static Dictionary<(short, BallotSource), int> Tally(IEnumerable<(short Choice, int Chat, int Paper)> votes)
    {
        var counters = new Dictionary<(short, BallotSource), int>();
        foreach (var (choice, chat, paper) in votes)
        {
            counters[(choice, BallotSource.Chat)] = chat;
            counters[(choice, BallotSource.Paper)] = paper;
        }
        return counters;
    }
}

internal sealed record BallotSpec(
    Guid BodyId,
    Guid? MeetingId,
    BallotKind Kind,
    int Round,
    int Base,
    int EligibleVoters,
    int Cast,
    int Paper,
    IReadOnlyList<VoterSpec> Voters,
    IReadOnlyList<SubjectSpec> Subjects)
{
    public BallotSubjectKind SubjectKind { get; init; } = BallotSubjectKind.Member;

    public Guid? PreviousBallotId { get; init; }

    public int Seats { get; init; }

    /// <summary>When it ran in the meeting (half hours after the start).</summary>
    public int Order { get; init; }
}
