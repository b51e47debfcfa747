using System.Globalization;

namespace ConfigRules.Bench;

/// <summary>The suite's command line: where to write the report, which parts to run, and their sizes.</summary>
public sealed record BenchOptions
{
    public static readonly string[] AllParts = ["cold", "warm", "cli", "periodic", "footprint", "hook"];

    public required string Output { get; init; }
    public IReadOnlyList<string> Parts { get; init; } = AllParts;
    public int ColdStartRuns { get; init; } = 11;
    public int WarmIterations { get; init; } = 5;
    public int HookIterations { get; init; } = 20;
    public IReadOnlyList<int> CliSizes { get; init; } = [10_000, 100_000, 1_000_000];
    public int PeriodicFunctions { get; init; } = 10_000;
    public int MaxConcurrentBatches { get; init; } = 4;

    /// <summary>The periodic run is repeated with this much latency added to each call (a regional endpoint's round trip).</summary>
    public int LatencyMilliseconds { get; init; } = 20;
    public string? Bootstrap { get; init; }
    public string? JitBootstrap { get; init; }
    public string? Cli { get; init; }

    /// <summary>Generate the snapshots into this folder and keep them (to rerun the CLI on them by hand).</summary>
    public string? KeepSnapshots { get; init; }

    public const string Usage = """
        ConfigRules.Bench --output FILE [--only cold,warm,cli,periodic,footprint,hook] [--cold-runs N] [--warm-iterations N] [--hook-iterations N]
                          [--cli-sizes N,N,...] [--functions N] [--batches N] [--latency-ms N]
                          [--bootstrap PATH] [--jit-bootstrap PATH/bootstrap.dll] [--cli PATH] [--keep-snapshots DIR]
        Defaults: every part, 11 cold starts, 5 measured warm-path iterations, 20 measured hook requests of each kind, 10,000/100,000/1,000,000 snapshot items,
        10,000 functions, 4 concurrent batches, periodic run repeated with 20 ms per call; artifacts/lambda/bootstrap, artifacts/bench/jit/bootstrap.dll, artifacts/cli/configrules.
        """;

    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        string? output = null;
        var options = new BenchOptions { Output = string.Empty };
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.\n{Usage}");
            switch (args[i])
            {
                case "--output": output = Value(); break;
                case "--only":
                    var parts = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var part in parts.Where(p => !AllParts.Contains(p)))
                        throw new ArgumentException($"--only: unknown part '{part}'; expected {string.Join(", ", AllParts)}.");
                    options = options with { Parts = parts };
                    break;
                case "--cold-runs": options = options with { ColdStartRuns = Positive(args[i], Value()) }; break;
                case "--warm-iterations": options = options with { WarmIterations = Positive(args[i], Value()) }; break;
                case "--hook-iterations": options = options with { HookIterations = Positive(args[i], Value()) }; break;
                case "--cli-sizes": options = options with { CliSizes = [.. Value().Split(',').Select(s => Positive("--cli-sizes", s))] }; break;
                case "--functions": options = options with { PeriodicFunctions = Positive(args[i], Value()) }; break;
                case "--batches": options = options with { MaxConcurrentBatches = Positive(args[i], Value()) }; break;
                case "--latency-ms": options = options with { LatencyMilliseconds = Positive(args[i], Value()) }; break;
                case "--bootstrap": options = options with { Bootstrap = Value() }; break;
                case "--jit-bootstrap": options = options with { JitBootstrap = Value() }; break;
                case "--cli": options = options with { Cli = Value() }; break;
                case "--keep-snapshots": options = options with { KeepSnapshots = Value() }; break;
                default: throw new ArgumentException($"Unknown argument '{args[i]}'.\n{Usage}");
            }
        }
        return options with { Output = output ?? throw new ArgumentException($"--output is required.\n{Usage}") };
    }

    private static int Positive(string name, string text) =>
        int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} takes a positive whole number, not '{text}'.");
}
