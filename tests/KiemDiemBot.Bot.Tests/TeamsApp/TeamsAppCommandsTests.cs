using Hangfire;
using KiemDiemBot.Bot.TeamsApp;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace KiemDiemBot.Bot.Tests.TeamsApp;

/// <summary>The commands Teams suggests are ones the running bot answers: a member who picks one gets its flow, not "not understood".</summary>
public sealed class TeamsAppCommandsTests
{
    private sealed class Host(string connectionString) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(Environments.Development);
            builder.UseSetting("ConnectionStrings:KiemDiem", connectionString);
            builder.ConfigureServices(services =>
            {
                // No Hangfire server: nothing here runs jobs.
                foreach (var jobServer in services.Where(d => d.ServiceType == typeof(IHostedService)
                    && d.ImplementationFactory?.Method.Module.Assembly == typeof(BackgroundJobServerHostedService).Assembly).ToList())
                {
                    services.Remove(jobServer);
                }
            });
        }
    }

    [Fact]
    public async Task CommandLists_EveryTitle_IsACommandTheHostsDialogsAnswer()
    {
        using var database = new SqliteTestDatabase();
        await using var host = new Host(database.ConnectionString);
        using var scope = host.Services.CreateScope();
        var answered = scope.ServiceProvider.GetServices<IDialog>().SelectMany(dialog => dialog.Commands).ToHashSet(StringComparer.Ordinal);

        var titles = TeamsAppCommands.Personal.Concat(TeamsAppCommands.GroupChat).Concat(TeamsAppCommands.Team)
            .Select(command => command.Title)
            .Distinct()
            .ToList();

        Assert.All(titles, title => Assert.Contains(CommandText.Normalize(title), answered));
        Assert.All(titles, title => Assert.Equal(title.ToLowerInvariant(), title));
        Assert.Contains(titles, title => title != CommandText.Normalize(title));
    }
}
