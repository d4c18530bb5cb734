using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Core.Transcripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database for the chosen provider and the Core services that use it.</summary>
    public static IServiceCollection AddKiemDiemStorage(this IServiceCollection services, StorageOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddDbContext<SqliteKiemDiemDbContext>(o => o.UseSqlite(connectionString));
                services.AddScoped<KiemDiemDbContext>(sp => sp.GetRequiredService<SqliteKiemDiemDbContext>());
                break;
            case StorageProvider.PostgreSQL:
                services.AddDbContext<PostgresKiemDiemDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<KiemDiemDbContext>(sp => sp.GetRequiredService<PostgresKiemDiemDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported.");
        }
        services.AddSingleton(options);
        services.AddScoped<IDatabaseMigrator, DatabaseMigrator>();
        services.AddScoped<UnitOfWork>();
        services.AddScoped<IUnitOfWork>(sp => sp.GetRequiredService<UnitOfWork>());
        services.AddScoped<IConversationReferenceStore, ConversationReferenceStore>();
        services.AddScoped<ITurnInbox, TurnInbox>();
        services.AddScoped<ITurnOutbox, TurnOutbox>();
        services.AddScoped<ITurnQueue, TurnQueue>();
        services.AddScoped<AuditTrail>();
        services.AddScoped<IAuditTrail>(sp => sp.GetRequiredService<AuditTrail>());
        services.AddScoped<IReviewCycleService, ReviewCycleService>();
        services.AddScoped<IMemberFactsSource, MemberFactsSource>();
        services.AddScoped<IRosterDirectory, RosterDirectory>();
        services.AddScoped<RosterImporter>();
        services.AddScoped<IRosterImporter>(sp => sp.GetRequiredService<RosterImporter>());
        services.AddSingleton<IRosterTemplate, RosterTemplate>();
        services.AddScoped<IDemoOrganisationSeeder, DemoOrganisationSeeder>();
        services.AddScoped<IFlowStateStore, FlowStateStore>();
        services.AddScoped<ILocalTranscriptStore, LocalTranscriptStore>();
        // Self-reviews (issue 7): the review, its meeting dates, the secretary's progress, review suggestions.
        services.AddScoped<ISelfReviewService, SelfReviewService>();
        services.AddScoped<IReviewMeetingCalendar, ReviewMeetingCalendar>();
        services.AddScoped<IReviewProgressService, ReviewProgressService>();
        services.AddScoped<IReviewSuggestionService, ReviewSuggestionService>();
        // The self-review .docx (issue 7).
        services.AddKiemDiemExports();
        // The secretary's side (issue 7): who leads what, and messages to many members through the outbox.
        services.AddScoped<ILeadershipScopes, LeadershipScopes>();
        services.AddScoped<IMemberNotices, MemberNotices>();
        return services;
    }
}
