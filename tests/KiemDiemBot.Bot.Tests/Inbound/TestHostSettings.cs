using KiemDiemBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace KiemDiemBot.Bot.Tests.Inbound;

/// <summary>
/// How a test host differs from the default (a fresh SQLite file of its own): a database shared with another
/// host or a restart, a Connector double shared between hosts, a clock shared between hosts, extra settings.
/// </summary>
public sealed record TestHostSettings
{
    public StorageProvider Provider { get; init; } = StorageProvider.Sqlite;

    /// <summary>A migrated database to use; null = a fresh SQLite file that the host migrates.</summary>
    public string? ConnectionString { get; init; }

    public TestConnectorClient? Connector { get; init; }

    public FakeTimeProvider? Clock { get; init; }

    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra registrations, applied after the test doubles replace the dialogs.</summary>
    public Action<IServiceCollection>? Services { get; init; }
}
