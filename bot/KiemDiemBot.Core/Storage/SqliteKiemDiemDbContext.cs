using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace KiemDiemBot.Core.Storage;

internal sealed class SqliteKiemDiemDbContext(DbContextOptions<SqliteKiemDiemDbContext> options) : KiemDiemDbContext(options)
{
    // SQLite has no offset-aware timestamp type and cannot compare DateTimeOffset text in queries:
    // store instants as sortable binary numbers instead.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
