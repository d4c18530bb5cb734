using KiemDiemBot.Bot.Tests.Inbound;
using KiemDiemBot.Core.Storage;
using KiemDiemBot.Dialogs;
using KiemDiemBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.SelfReviews;

/// <summary>
/// A fresh migrated database of one provider per test, with the real host in local mode on it (the demo
/// organisation and its open 2026 cycle, the cells meeting on Thursday 5 March 2026 at 08:00); a restart
/// starts another host on the same database, Connector and clock.
/// </summary>
public abstract class SelfReviewHostTests(StorageProvider provider) : IAsyncLifetime
{
    /// <summary>The demo cells' meeting: three working days after the test clock's start (Monday 2 March 2026, 08:00 in Vietnam).</summary>
    protected static readonly DateTimeOffset MeetingStartsAt = new(2026, 3, 5, 8, 0, 0, TimeSpan.FromHours(7));

    private MigratedStorage storage = null!;

    protected FakeTimeProvider Clock { get; } = new(BotApplicationFactory.Start);

    protected TestConnectorClient Connector { get; } = new();

    protected LocalReviewHost Host { get; private set; } = null!;

    protected ReviewWorld World => new(Host);

    public async Task InitializeAsync()
    {
        storage = await MigratedStorage.CreateAsync(provider, Clock);
        Host = await LocalReviewHost.StartAsync(storage, Clock, Connector, WithExport);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await storage.DisposeAsync();
    }

    /// <summary>Stops the host and starts another on the same database; <paramref name="sessions"/> continue on the new one.</summary>
    protected async Task RestartAsync(params ReviewSession[] sessions)
    {
        await Host.DisposeAsync();
        Host = await LocalReviewHost.StartAsync(storage, Clock, Connector, WithExport);
        foreach (var session in sessions)
        {
            session.Host = Host;
        }
    }

    /// <summary>The dialog behind the cards' Xuất file buttons, beside the flows.</summary>
    private static void WithExport(IServiceCollection services) => services.AddScoped<IDialog, ExportSelfReviewDialog>();

    /// <summary>Moves the clock to just after the demo cells' meeting has started.</summary>
    protected void MeetingStarts() => Clock.SetUtcNow(MeetingStartsAt.AddMinutes(1).ToUniversalTime());
}
