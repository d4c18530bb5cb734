using System.Globalization;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bench;

/// <summary>
/// Roster import: a workbook and a CSV folder of MEMBERS members (10,000 unless told), imported into SQLite (and
/// into PostgreSQL when KIEMDIEM_TEST_POSTGRES is set), first into an empty database, then again unchanged.
/// </summary>
internal static class RosterImportBench
{
    public static async Task RunAsync(int memberCount)
    {
        var clock = TimeProvider.System;
        var folder = Path.Combine(Path.GetTempPath(), "kd-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var started = clock.GetTimestamp();
            var sheets = BenchRoster.Build(memberCount);
            var workbook = Path.Combine(folder, "roster.xlsx");
            await using (var stream = File.Create(workbook))
            {
                await RosterWorkbookWriter.WriteAsync(stream, sheets, CancellationToken.None);
            }
            var csvFolder = Path.Combine(folder, "csv");
            await RosterCsvWriter.WriteFolderAsync(csvFolder, sheets, CancellationToken.None);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Generated {memberCount} members, {sheets[0].Rows.Count} organisations, {sheets[2].Rows.Count} posts in {clock.GetElapsedTime(started).TotalSeconds:F2} s ({new FileInfo(workbook).Length / 1024} KiB xlsx)."));

            foreach (var (format, path) in new[] { ("xlsx", workbook), ("csv", csvFolder) })
            {
                var read = clock.GetTimestamp();
                var rows = RosterFileReader.Read(path).Sheets.Sum(sheet => sheet.Rows.Count);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Reading the {format} alone: {rows} rows in {clock.GetElapsedTime(read).TotalSeconds:F2} s."));
            }

            List<StorageProvider> providers = [StorageProvider.Sqlite];
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(PostgresTestDatabase.ServerVariable)))
            {
                providers.Add(StorageProvider.PostgreSQL);
            }
            Console.WriteLine($"{"provider",-10} {"format",-6} {"first import",14} {"re-import",12}  result");
            foreach (var provider in providers)
            {
                foreach (var (format, path) in new[] { ("xlsx", workbook), ("csv", csvFolder) })
                {
                    await using var database = await MigratedStorage.CreateAsync(provider, TimeProvider.System);
                    var (first, firstResult) = await TimeImportAsync(database, path);
                    var (again, againResult) = await TimeImportAsync(database, path);
                    var outcome = firstResult.Succeeded && againResult.Succeeded
                        ? string.Create(CultureInfo.InvariantCulture, $"{firstResult.Counts.Members.Created} created, then {againResult.Counts.Members.Unchanged} unchanged")
                        : "FAILED: " + string.Join(" | ", firstResult.Errors.Concat(againResult.Errors).Take(3));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{provider,-10} {format,-6} {first.TotalSeconds,12:F2} s {again.TotalSeconds,10:F2} s  {outcome}"));
                }
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(TimeSpan Elapsed, RosterImportResult Result)> TimeImportAsync(MigratedStorage database, string path)
    {
        await using var scope = database.CreateScope();
        var importer = scope.ServiceProvider.GetRequiredService<IRosterImporter>();
        var start = TimeProvider.System.GetTimestamp();
        var result = await importer.ImportAsync(path, CancellationToken.None);
        return (TimeProvider.System.GetElapsedTime(start), result);
    }
}
