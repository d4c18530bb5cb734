using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Storage;

internal sealed class DatabaseMigrator(KiemDiemDbContext db) : IDatabaseMigrator
{
    public Task MigrateAsync(CancellationToken cancellationToken) => db.Database.MigrateAsync(cancellationToken);

    public async Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];
}
