using Microsoft.EntityFrameworkCore;

namespace KiemDiemBot.Core.Storage;

internal sealed class PostgresKiemDiemDbContext(DbContextOptions<PostgresKiemDiemDbContext> options) : KiemDiemDbContext(options);
