using KiemDiemBot.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Tests.Storage;

public sealed class ModelMigrationTests
{
    [Fact]
    public void HasPendingModelChanges_SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run 'dotnet ef migrations add' for SqliteKiemDiemDbContext.");
    }

    [Fact]
    public void HasPendingModelChanges_PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.False(db.Database.HasPendingModelChanges(), "Run 'dotnet ef migrations add' for PostgresKiemDiemDbContext.");
    }
}
