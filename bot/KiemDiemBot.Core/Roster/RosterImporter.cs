using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Roster.Files;
using KiemDiemBot.Core.Roster.Import;
using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Roster;

internal sealed class RosterImporter(KiemDiemDbContext db, TimeProvider clock) : IRosterImporter
{
    public Task<RosterImportResult> ImportAsync(string path, CancellationToken cancellationToken) =>
        ImportAsync(RosterFileReader.Read(path), cancellationToken);

    /// <summary>Imports sheets already read (the demo organisation comes this way).</summary>
    public async Task<RosterImportResult> ImportAsync(RosterWorkbook workbook, CancellationToken cancellationToken)
    {
        var parsed = RosterParser.Parse(workbook, WorkingCalendar.Today(clock));
        if (workbook.Sheets.Count == 0)
        {
            return RosterImportResult.Failed(Sorted(parsed.Errors));
        }
        var snapshot = await RosterSnapshot.LoadAsync(db, parsed.Positions is not null, cancellationToken);
        RosterValidator.Validate(parsed, snapshot);
        if (parsed.Errors.Count > 0)
        {
            return RosterImportResult.Failed(Sorted(parsed.Errors));
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var applier = new RosterApplier(db, snapshot, clock.GetUtcNow());
        if (applier.ReleaseChangingEmails(parsed))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        var counts = applier.Apply(parsed);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RosterImportResult([], counts);
    }

    /// <summary>ToChuc's errors, then DangVien's, then ChucVu's, each by line; the order found within a line.</summary>
    private static List<RosterError> Sorted(List<RosterError> errors) =>
        [.. errors
            .Select((error, index) => (error, index))
            .OrderBy(e => SheetRank(e.error.Sheet))
            .ThenBy(e => e.error.Line)
            .ThenBy(e => e.index)
            .Select(e => e.error)];

    private static int SheetRank(string sheet) =>
        RosterSchema.TableOf(sheet) is { } table ? (int)table : -1;
}
