using KiemDiemBot.Bot.Hosting;
using KiemDiemBot.Core.Calendar;
using KiemDiemBot.Core.Cycles;
using KiemDiemBot.Core.Demo;
using KiemDiemBot.Core.Reviews;
using KiemDiemBot.Core.Roster;
using KiemDiemBot.Scheduler;
using KiemDiemBot.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Reminders;

/// <summary>
/// <c>Scheduler:Now</c>, the demo clock: the embedded default starts at that instant and its clock runs on, so the
/// demo organisation's cycle and meetings are seeded around it; the Production environment refuses it.
/// </summary>
public sealed class DemoClockTests
{
    private sealed class ConfiguredHost(string environment, IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("urls", "http://127.0.0.1:0");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public async Task Start_SchedulerNowInDevelopment_ClockStartsThereAndTheDemoMeetsThreeWorkingDaysLater()
    {
        using var database = new SqliteTestDatabase();
        await using var host = new ConfiguredHost(Environments.Development, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
            ["Scheduler:Now"] = "2026-11-23T07:55",
        });
        _ = host.Server;

        var now = host.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.InRange(now, new DateTimeOffset(2026, 11, 23, 0, 55, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 0, 57, 0, TimeSpan.Zero));
        await using var scope = host.Services.CreateAsyncScope();
        var cycle = await scope.ServiceProvider.GetRequiredService<IReviewCycleService>().FindCurrentAsync(CancellationToken.None);
        Assert.Equal(2026, cycle!.Year);
        var cells = await scope.ServiceProvider.GetRequiredService<IRosterDirectory>().ListCellsAsync(CancellationToken.None);
        var office = cells.Single(c => c.Code == DemoOrganisation.OfficeCellCode);
        var meeting = Assert.Single(await scope.ServiceProvider.GetRequiredService<IReviewMeetingCalendar>().ListAsync(cycle.Id, office.Id, CancellationToken.None));
        Assert.Equal(WorkingCalendar.ToInstant(new DateOnly(2026, 11, 26), new TimeOnly(8, 0)), meeting.StartsAt);
    }

    [Fact]
    public void Start_SchedulerNowInProduction_RefusesInOneLineNamingTheKey()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Production, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
            ["Bot:MicrosoftAppId"] = "5b1f3c8e-0d4a-4f6b-9a57-2c1d7e9b8a01",
            ["Bot:MicrosoftAppPassword"] = "not-used",
            ["Bot:MicrosoftAppTenantId"] = "0c7e2a51-3f4b-4d6e-8a9b-1c2d3e4f5a6b",
            ["Scheduler:Now"] = "2026-11-23T07:55",
        });

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("Scheduler:Now", error.Message, StringComparison.Ordinal);
        Assert.Contains("Production", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_SchedulerNowMalformed_RefusesNamingTheKey()
    {
        using var database = new SqliteTestDatabase();
        using var host = new ConfiguredHost(Environments.Development, new Dictionary<string, string?>
        {
            ["ConnectionStrings:KiemDiem"] = database.ConnectionString,
            ["Scheduler:Now"] = "23/11/2026 sáng",
        });

        var error = Assert.Throws<StartupRefusedException>(() => host.CreateClient());

        Assert.Contains("Scheduler:Now must be a date and time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetUtcNow_AfterTimePasses_RunsOnFromTheStart()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = new DateTimeOffset(2026, 11, 23, 7, 55, 0, TimeSpan.FromHours(7));
        var clock = new DemoTimeProvider(start, real);

        real.Advance(TimeSpan.FromMinutes(6));

        Assert.Equal(start.AddMinutes(6), clock.GetUtcNow());
        Assert.Equal(TimeSpan.Zero, clock.GetUtcNow().Offset);
    }
}
