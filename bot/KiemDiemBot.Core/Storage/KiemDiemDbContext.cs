using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.DirectorySync;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Transcripts;
using KiemDiemBot.Core.Turns;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Storage;

/// <summary>
/// The bot's database. Each provider has its own subclass so that each keeps its own migrations;
/// the model itself is defined once, here and in the entity configurations of this assembly.
/// </summary>
internal abstract class KiemDiemDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();

    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Member> Members => Set<Member>();

    public DbSet<Position> Positions => Set<Position>();

    public DbSet<ReviewCycle> ReviewCycles => Set<ReviewCycle>();

    public DbSet<CycleDeadline> CycleDeadlines => Set<CycleDeadline>();

    public DbSet<CommitteeDeadline> CommitteeDeadlines => Set<CommitteeDeadline>();

    public DbSet<CycleCalendarDay> CycleCalendarDays => Set<CycleCalendarDay>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<SelfReview> SelfReviews => Set<SelfReview>();

    public DbSet<SelfReviewRevision> SelfReviewRevisions => Set<SelfReviewRevision>();

    public DbSet<ReviewMeeting> ReviewMeetings => Set<ReviewMeeting>();

    public DbSet<ReviewSuggestion> ReviewSuggestions => Set<ReviewSuggestion>();

    public DbSet<ReviewMeetingParticipant> ReviewMeetingParticipants => Set<ReviewMeetingParticipant>();

    public DbSet<Ballot> Ballots => Set<Ballot>();

    public DbSet<BallotSubject> BallotSubjects => Set<BallotSubject>();

    public DbSet<BallotVoter> BallotVoters => Set<BallotVoter>();

    public DbSet<BallotCounter> BallotCounters => Set<BallotCounter>();

    public DbSet<RankingDecision> RankingDecisions => Set<RankingDecision>();

    public DbSet<InboundActivity> InboundActivities => Set<InboundActivity>();

    public DbSet<OutboundActivity> OutboundActivities => Set<OutboundActivity>();

    public DbSet<ConversationLease> ConversationLeases => Set<ConversationLease>();

    public DbSet<FlowStateRecord> FlowStates => Set<FlowStateRecord>();

    public DbSet<LocalConversationRecord> LocalConversations => Set<LocalConversationRecord>();

    public DbSet<LocalConversationMemberRecord> LocalConversationMembers => Set<LocalConversationMemberRecord>();

    public DbSet<LocalTranscriptEntryRecord> LocalTranscriptEntries => Set<LocalTranscriptEntryRecord>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<SendRateLimit> SendRateLimits => Set<SendRateLimit>();

    public DbSet<OccasionRun> OccasionRuns => Set<OccasionRun>();

    public DbSet<ReminderPause> ReminderPauses => Set<ReminderPause>();

    public DbSet<DraftComment> DraftComments => Set<DraftComment>();

    public DbSet<DirectoryGroupLink> DirectoryGroupLinks => Set<DirectoryGroupLink>();

    public DbSet<DirectoryPerson> DirectoryPeople => Set<DirectoryPerson>();

    public DbSet<AppInstallation> AppInstallations => Set<AppInstallation>();

    public DbSet<SharedFile> SharedFiles => Set<SharedFile>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KiemDiemDbContext).Assembly);
}
