using KiemDiemBot.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Core.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the database for the chosen provider and the Core services that use it.</summary>
    public static IServiceCollection AddKiemDiemStorage(this IServiceCollection services, StorageOptions options)
    {
        var connectionString = options.ResolveConnectionString();
        switch (options.Provider)
        {
            case StorageProvider.Sqlite:
                services.AddDbContext<SqliteKiemDiemDbContext>(o => o.UseSqlite(connectionString));
                services.AddScoped<KiemDiemDbContext>(sp => sp.GetRequiredService<SqliteKiemDiemDbContext>());
                break;
            case StorageProvider.PostgreSQL:
                services.AddDbContext<PostgresKiemDiemDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<KiemDiemDbContext>(sp => sp.GetRequiredService<PostgresKiemDiemDbContext>());
                break;
            default:
                throw new InvalidOperationException($"Storage:Provider '{options.Provider}' is not supported.");
        }
        services.AddSingleton(options);
        services.AddScoped<IDatabaseMigrator, DatabaseMigrator>();
        services.AddScoped<IConversationReferenceStore, ConversationReferenceStore>();
        return services;
    }
}
