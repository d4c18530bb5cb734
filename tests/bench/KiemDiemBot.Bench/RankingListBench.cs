using System.Diagnostics;
using System.Globalization;
using KiemDiemBot.Core.Ballots;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Exports;
using KiemDiemBot.Core.Rankings;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Rules;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bench;

/// <summary>
/// The ranking list (.xlsx) of a bloc committee of MEMBERS members (10,000 unless told; <see cref="BenchRoster"/>):
/// the roster imported into SQLite (and PostgreSQL when KIEMDIEM_TEST_POSTGRES is set), nine members in ten and every
/// cell decided, then the whole export timed (the reads, the rules' reasons for the not-ranked, the workbook) after one
/// warm-up, and apart from it the reads alone and the workbook alone; allocations counted on this thread's process.
/// </summary>
internal static class RankingListBench
{
    private const int Runs = 5;

    public static async Task RunAsync(int memberCount)
    {
        var folder = Path.Combine(Path.GetTempPath(), "kd-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            await RosterCsvWriter.WriteFolderAsync(folder, BenchRoster.Build(memberCount), CancellationToken.None);
            List<StorageProvider> providers = [StorageProvider.Sqlite];
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)))
            {
                providers.Add(StorageProvider.PostgreSQL);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{Environment.ProcessorCount} cores; ranking list of {memberCount} members; best and median of {Runs} runs after one warm-up."));
            Console.WriteLine($"{"provider",-10} {"part",-8} {"best",9} {"median",9} {"allocated",11} {"size",9}  rows");
            foreach (var provider in providers)
            {
                await using var database = await MigratedStorage.CreateAsync(provider, TimeProvider.System);
                await using (var scope = database.CreateScope())
                {
                    var import = await scope.ServiceProvider.GetRequiredService<IRosterImporter>().ImportAsync(folder, CancellationToken.None);
                    if (!import.Succeeded)
                    {
                        throw new InvalidOperationException("The bench roster did not import: " + string.Join(" | ", import.Errors.Take(3)));
                    }
                }
                var (cycleId, rootId) = await DecideAsync(database);
                await MeasureAsync(database, provider, cycleId, rootId);
            }
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>A 2022 cycle, nine members in ten decided (levels spread so the cap is exceeded), every cell decided HTTNV.</summary>
    private static async Task<(Guid CycleId, Guid RootId)> DecideAsync(MigratedStorage database)
    {
        await using var scope = database.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KiemDiemDbContext>();
        var cycleId = Guid.NewGuid();
        db.ReviewCycles.Add(new ReviewCycle { Id = cycleId, Year = 2022, RuleSetCode = RuleSetCodes.Hd21Of2022, CreatedAt = DateTimeOffset.UtcNow });
        var rootId = await db.Organisations.Where(o => o.ParentId == null).Select(o => o.Id).SingleAsync();
        var members = await db.Members.AsNoTracking().OrderBy(m => m.Code).Select(m => new { m.Id, m.OfficialCellId }).ToListAsync();
        RankingLevel[] spread = [RankingLevel.ExcellentCompletion, RankingLevel.GoodCompletion, RankingLevel.GoodCompletion, RankingLevel.GoodCompletion, RankingLevel.Completion];
        var decisions = members.Where((_, i) => i % 10 != 9)
            .Select((m, i) => Decision(cycleId, BallotSubjectKind.Member, m.Id, spread[i % spread.Length], rootId))
            .Concat(members.Select(m => m.OfficialCellId).Distinct().Select(cell => Decision(cycleId, BallotSubjectKind.Organisation, cell, RankingLevel.GoodCompletion, rootId)));
        db.RankingDecisions.AddRange(decisions);
        await db.SaveChangesAsync();
        return (cycleId, rootId);
    }

    private static RankingDecision Decision(Guid cycleId, BallotSubjectKind kind, Guid subjectId, RankingLevel level, Guid decidedBy) => new()
    {
        Id = Guid.NewGuid(),
        CycleId = cycleId,
        SubjectKind = kind,
        SubjectId = subjectId,
        Level = level,
        DecidedByBodyId = decidedBy,
        DecidedAt = DateTimeOffset.UtcNow,
    };

    private static async Task MeasureAsync(MigratedStorage database, StorageProvider provider, Guid cycleId, Guid rootId)
    {
        RankingListInput? input = null;
        var whole = await TimeAsync(database, async exporter =>
        {
            var file = await exporter.RankingListAsync(cycleId, rootId, CancellationToken.None);
            return file.Content.LongLength;
        });
        var reads = await TimeAsync(database, async exporter =>
        {
            input = await ((BallotExporter)exporter).RankingListInputAsync(cycleId, rootId, CancellationToken.None);
            return 0L;
        });
        var render = await TimeAsync(database, async _ => (await RankingListWorkbook.RenderAsync(input!, CancellationToken.None)).LongLength);
        var rows = string.Create(CultureInfo.InvariantCulture, $"{input!.Rankings.Count} ranked, {input.NotRanked.Count} not ranked");
        Print(provider, "whole", whole, rows);
        Print(provider, "reads", reads, rows);
        Print(provider, "workbook", render, rows);
    }

    private static void Print(StorageProvider provider, string part, Measured measured, string rows) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider,-10} {part,-8} {measured.Best.TotalMilliseconds,6:F0} ms {measured.Median.TotalMilliseconds,6:F0} ms {measured.Allocated / 1048576.0,7:F1} MiB {measured.Size / 1024.0,5:F0} KiB  {rows}"));

    /// <summary>One warm-up, then <see cref="Runs"/> timed runs, each in its own scope (as a turn or job has); allocations are the median run's.</summary>
    private static async Task<Measured> TimeAsync(MigratedStorage database, Func<IBallotExporter, Task<long>> run)
    {
        var samples = new List<(TimeSpan Elapsed, long Allocated, long Size)>();
        for (var i = 0; i <= Runs; i++)
        {
            await using var scope = database.CreateScope();
            var exporter = scope.ServiceProvider.GetRequiredService<IBallotExporter>();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var started = Stopwatch.GetTimestamp();
            var size = await run(exporter);
            var elapsed = Stopwatch.GetElapsedTime(started);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            if (i > 0)
            {
                samples.Add((elapsed, allocated, size));
            }
        }
        var ordered = samples.OrderBy(s => s.Elapsed).ToList();
        var median = ordered[ordered.Count / 2];
        return new Measured(ordered[0].Elapsed, median.Elapsed, median.Allocated, median.Size);
    }

    private sealed record Measured(TimeSpan Best, TimeSpan Median, long Allocated, long Size);
}
