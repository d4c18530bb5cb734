using System.Diagnostics;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Members;
using KiemDiemBot.Core.Organisations;
using KiemDiemBot.Core.Reminders;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Core.Tests.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using static KiemDiemBot.Core.Tests.Reminders.ReminderHarness;

namespace KiemDiemBot.Core.Tests.Reminders;

/// <summary>
/// A tick runs every minute: on a tree of 500 cells and 10,000 members it reads organisations, meetings, deadlines
/// and ledger keys in a handful of statements, never the members.
/// </summary>
public abstract class PlanCostTests(StorageProvider provider, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Cells = 500;
    private const int MembersPerCell = 20;

    private readonly CommandRecorder recorder = new();
    private StorageFixture storage = null!;
    private IDisposable? subscription;

    public async Task InitializeAsync()
    {
        // Listening before any context runs a command: EF Core remembers for a second whether anyone listens, and a
        // pooled context keeps that memory from its earlier scopes, so a later subscription could miss every command.
        subscription = DiagnosticListener.AllListeners.Subscribe(recorder);
        storage = await StorageFixture.CreateAsync(provider);
        storage.Clock.SetUtcNow(Local(2026, 11, 2, 9).ToUniversalTime());
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var committeeId = Guid.NewGuid();
        db.Organisations.Add(new Organisation { Id = committeeId, Code = "DB", Name = "Đảng bộ", Kind = OrganisationKind.GrassrootsCommittee });
        for (var c = 0; c < Cells; c++)
        {
            var cellId = Guid.NewGuid();
            db.Organisations.Add(new Organisation { Id = cellId, Code = "CB" + c, Name = "Chi bộ " + c, Kind = OrganisationKind.AffiliatedCell, ParentId = committeeId });
            for (var m = 0; m < MembersPerCell; m++)
            {
                db.Members.Add(new Member { Id = Guid.NewGuid(), Code = $"DV{c}-{m}", FullName = $"Đảng viên {c}-{m}", OfficialCellId = cellId, AdmittedOn = new DateOnly(2010, 1, 1) });
            }
        }
        await db.SaveChangesAsync();
        await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().OpenAsync(
            2026, RuleSetCatalog.Codes[0], new Dictionary<DeadlineKind, DateOnly>(), "test", CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().CommitAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        subscription?.Dispose();
        await storage.DisposeAsync();
    }

    [Fact]
    public async Task DueAsync_LargeTree_ReadsNoMembersInAFewStatements()
    {
        var now = Local(2026, 11, 27, 8, 1);
        storage.Clock.SetUtcNow(now.ToUniversalTime());
        await using var scope = storage.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        recorder.Context = db;
        var commands = recorder.Commands;
        var planner = scope.ServiceProvider.GetRequiredService<IReminderPlanner>();

        await planner.DueAsync(now, CancellationToken.None);
        commands.Clear();
        var watch = Stopwatch.StartNew();
        var due = await planner.DueAsync(now, CancellationToken.None);
        watch.Stop();

        output.WriteLine($"{provider}: {due.Count} occasions due, {commands.Count} statements, {watch.ElapsedMilliseconds} ms");
        // Per cell: its member reminder, its digest, its body deadline and its unreachable list.
        Assert.Equal(Cells, due.Count(o => o.Kind == OccasionKind.MemberReminder));
        Assert.Equal(Cells, due.Count(o => o.Kind == OccasionKind.SecretaryDigest));
        Assert.Equal(Cells * 4, due.Count);
        Assert.InRange(commands.Count, 1, 12);
        Assert.DoesNotContain(commands, sql => sql.Contains("members", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Records the commands that <see cref="Context"/> executes.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public DbContext? Context { get; set; }

        public List<string> Commands { get; } = [];

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data && Context is not null && data.Context == Context)
            {
                lock (Commands)
                {
                    Commands.Add(data.Command.CommandText);
                }
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}

public sealed class SqlitePlanCostTests(ITestOutputHelper output) : PlanCostTests(StorageProvider.Sqlite, output);

public sealed class PostgresPlanCostTests(ITestOutputHelper output) : PlanCostTests(StorageProvider.PostgreSQL, output);
