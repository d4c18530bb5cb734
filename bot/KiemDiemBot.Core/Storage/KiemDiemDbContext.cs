using KiemDiemBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Storage;

/// <summary>
/// The bot's database. Each provider has its own subclass so that each keeps its own migrations;
/// the model itself is defined once, here and in the entity configurations of this assembly.
/// </summary>
internal abstract class KiemDiemDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<ConversationReferenceRecord> ConversationReferences => Set<ConversationReferenceRecord>();

    // snake_case tables and columns: the usual shape for PostgreSQL, harmless for SQLite.
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.UseSnakeCaseNamingConvention();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(KiemDiemDbContext).Assembly);
}
