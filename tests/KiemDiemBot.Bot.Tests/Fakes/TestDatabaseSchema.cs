using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KiemDiemBot.Bot.Tests.Fakes;

/// <summary>
/// Creates the schema of the database that <c>AddKiemDiemStorage</c> registered. Core's DbContext is internal,
/// so the context is found through its public base type <see cref="DbContext"/> in the service collection.
/// Core's migrations are used when it has any; until then the model is created directly.
/// </summary>
public static class TestDatabaseSchema
{
    public static async Task CreateAsync(IServiceCollection services, IServiceProvider provider)
    {
        var contextType = services
            .Select(d => d.ServiceType)
            .First(t => t.IsAssignableTo(typeof(DbContext)) && !t.IsAbstract);
        await using var scope = provider.CreateAsyncScope();
        var db = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
        if (db.Database.GetMigrations().Any())
        {
            await db.Database.MigrateAsync();
        }
        else
        {
            await db.Database.EnsureCreatedAsync();
        }
    }
}
