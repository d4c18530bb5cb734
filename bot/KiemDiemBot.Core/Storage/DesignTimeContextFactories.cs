using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace KiemDiemBot.Core.Storage;

// Used only by 'dotnet ef migrations add'; no database is contacted.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteKiemDiemDbContext>
{
    public SqliteKiemDiemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteKiemDiemDbContext>().UseSqlite("Data Source=design.db").UseKiemDiemConventions().Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresKiemDiemDbContext>
{
    public PostgresKiemDiemDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresKiemDiemDbContext>().UseNpgsql("Host=localhost").UseKiemDiemConventions().Options);
}
