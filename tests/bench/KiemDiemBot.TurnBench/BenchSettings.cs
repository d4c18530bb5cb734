using System.Globalization;

namespace KiemDiemBot.TurnBench;

/// <summary>
/// What one bench run covers, from the command line:
/// <c>[--flow sample|self-review] [--members 50,200,1000] [--delays 0,150] [--warmup 3] [--seconds 12] [--set Key=Value]... [--npgsql "Key=Value;..."]</c>.
/// <c>--flow</c> picks what members do: the engine's two-step sample flow (issue 6), or the self-review (issue 7).
/// <c>--set</c> passes a setting to the host under test (e.g. <c>--set Turns:Lanes=512</c>); the bench's own
/// settings (<see cref="BotUnderTest"/>) come first, so a <c>--set</c> overrides them. <c>--npgsql</c> adds
/// keywords to the host's connection string (e.g. <c>"Maximum Pool Size=200"</c>); the bare endpoint gets them too.
/// </summary>
internal sealed record BenchSettings
{
    /// <summary>True for the self-review, false for the sample flow.</summary>
    public bool SelfReview { get; init; }

    public IReadOnlyList<int> MemberCounts { get; init; } = [50, 200, 1000];

    public IReadOnlyList<TimeSpan> ConnectorDelays { get; init; } = [TimeSpan.Zero, TimeSpan.FromMilliseconds(150)];

    /// <summary>At least this long, and until every member has had one answer, before measuring starts.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>How long each run is measured.</summary>
    public TimeSpan Measured { get; init; } = TimeSpan.FromSeconds(12);

    public IReadOnlyDictionary<string, string> HostSettings { get; init; } = new Dictionary<string, string>();

    /// <summary>Npgsql connection string keywords added to both databases' connection strings.</summary>
    public string NpgsqlOptions { get; init; } = "";

    public static BenchSettings Parse(IReadOnlyList<string> args)
    {
        var settings = new BenchSettings();
        var host = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--flow" => settings with
                {
                    SelfReview = value switch
                    {
                        "self-review" => true,
                        "sample" => false,
                        _ => throw new ArgumentException($"--flow takes sample or self-review, not '{value}'."),
                    },
                },
                "--members" => settings with { MemberCounts = [.. value.Split(',').Select(Integer)] },
                "--delays" => settings with { ConnectorDelays = [.. value.Split(',').Select(ms => TimeSpan.FromMilliseconds(Integer(ms)))] },
                "--warmup" => settings with { WarmUp = TimeSpan.FromSeconds(Integer(value)) },
                "--seconds" => settings with { Measured = TimeSpan.FromSeconds(Integer(value)) },
                "--set" => settings,
                "--npgsql" => settings with { NpgsqlOptions = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --flow sample|self-review --members 50,200,1000 --delays 0,150 --warmup 3 --seconds 12 --set Key=Value --npgsql \"Key=Value;...\"."),
            };
            if (args[i] == "--set")
            {
                var split = value.IndexOf('=', StringComparison.Ordinal);
                if (split <= 0)
                {
                    throw new ArgumentException($"--set takes Key=Value, not '{value}'.");
                }
                host[value[..split]] = value[(split + 1)..];
            }
            i++;
        }
        return settings with { HostSettings = host };
    }

    private static int Integer(string text) => int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
}
