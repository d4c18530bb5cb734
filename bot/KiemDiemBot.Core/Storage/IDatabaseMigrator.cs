namespace KiemDiemBot.Core.Storage;

/// <summary>Brings the database schema up to date.</summary>
public interface IDatabaseMigrator
{
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Migrations the code has that the database has not applied yet.</summary>
    Task<IReadOnlyList<string>> GetPendingMigrationsAsync(CancellationToken cancellationToken);
}
