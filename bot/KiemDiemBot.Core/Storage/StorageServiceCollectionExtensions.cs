using KiemDiemBot.Core.Audit;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Conversations;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Flows;
using KiemDiemBot.Core.Identity;
using KiemDiemBot.Core.Meetings;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Notices;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Turns;
using KiemDiemBot.Core.Transcripts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace KiemDiemBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database for the chosen provider and the Core services that use it. A turn opens several
    /// scopes, each with its own context: the contexts come from a pool (the context holds no state of its own, and
    /// EF Core resets a pooled one when its scope ends), and their options are built once.
    /// </summary>
    public static IServiceCollection AddKiemDiemStorage(this IServiceCollection services, StorageOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddDbContextPool<SqliteKiemDiemDbContext>(
                    o => o.UseSqlite(connectionString).UseKiemDiemConventions().AddInterceptors(SqliteSecureDeleteInterceptor.Instance));
                services.AddScoped<KiemDiemDbContext>(sp => sp.GetRequiredService<SqliteKiemDiemDbContext>());
                break;
            case StorageProvider.PostgreSQL:
                services.AddDbContextPool<PostgresKiemDiemDbContext>(
                    o => o.UseNpgsql(WithStatementReuse(connectionString)).UseKiemDiemConventions());
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
        // Issue 9: the shared send-rate limit of proactive messages.
        // On the machine's clock: Teams counts requests in real time, whatever clock the domain runs on.
        services.AddScoped<ISendRateGate>(sp => new SendRateGate(sp.GetRequiredService<KiemDiemDbContext>(), TimeProvider.System));
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
        services.AddScoped<ReviewMeetingCalendar>();
        services.AddScoped<IReviewMeetingCalendar>(sp => sp.GetRequiredService<ReviewMeetingCalendar>());
        services.AddScoped<IReviewProgressService, ReviewProgressService>();
        services.AddScoped<IReviewSuggestionService, ReviewSuggestionService>();
        // The self-review .docx (issue 7).
        services.AddKiemDiemExports();
        // The secretary's side (issue 7): who leads what, and messages to many members through the outbox.
        services.AddScoped<ILeadershipScopes, LeadershipScopes>();
        services.AddScoped<IMemberNotices, MemberNotices>();
        // Secret ballots (issue 8): open, cast, close, paper tallies, re-votes; updates of posted cards.
        services.AddKiemDiemBallots();
        // Review meetings (issue 8): scheduling, moving, cancelling, the agenda.
        services.AddKiemDiemMeetings();
        // Decisions (issue 8): adoption by the deciding body, the approval ballot, re-ranking.
        services.AddKiemDiemRankings();
        // Automatic reminders (issue 9): the plan computed from the domain, who it reaches, pauses.
        services.AddKiemDiemReminders();
        // The operator page (issue 10): the open cycle per organisation, who cannot be reached, what failed.
        services.AddScoped<KiemDiemBot.Core.Operations.IOperatorOverview, KiemDiemBot.Core.Operations.OperatorOverview>();
        return services;
    }

    /// <summary>
    /// A turn runs the same dozen statements every time. Unless the connection string says otherwise, Npgsql
    /// prepares the frequent ones (Max Auto Prepare) and keeps them when a pooled connection is returned (No Reset
    /// On Close; the context keeps no session state): measured, that halves PostgreSQL's CPU per turn.
    /// </summary>
    internal static string WithStatementReuse(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey answers true for every keyword it knows, so what the operator
        // wrote is read with the generic builder, keywords compared without spaces.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys
            .Cast<string>()
            .Select(key => key.Replace(" ", "", StringComparison.Ordinal))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Contains("MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = 64;
        }
        if (!written.Contains("NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }
        return builder.ConnectionString;
    }

    /// <summary>snake_case tables and columns: the usual shape for PostgreSQL, harmless for SQLite.</summary>
    internal static TBuilder UseKiemDiemConventions<TBuilder>(this TBuilder builder)
        where TBuilder : DbContextOptionsBuilder
    {
        builder.UseSnakeCaseNamingConvention();
        return builder;
    }
}
