using ConfigRules.Bench.Footprint;
using ConfigRules.Bench.Cli;
using ConfigRules.Bench.ColdStart;
using ConfigRules.Bench.Periodic;
using ConfigRules.Bench.Warm;

namespace ConfigRules.Bench.Report;

/// <summary>Everything one run measured; a part that could not run keeps the reason instead of figures.</summary>
public sealed class SuiteResults
{
    public required MachineInfo Machine { get; init; }
    public required BenchOptions Options { get; init; }
    public DateTimeOffset Started { get; init; } = DateTimeOffset.UtcNow;
    public TimeSpan Duration { get; set; }
    public string LoadBefore { get; init; } = MachineInfo.LoadAverage();
    public string LoadAfter { get; set; } = string.Empty;

    public ColdStartResult? ColdStart { get; set; }
    public IReadOnlyList<WarmPathResult>? WarmPath { get; set; }
    public IReadOnlyList<CliThroughputResult>? Cli { get; set; }
    public CliOutputCheck? CliCheck { get; set; }
    public IReadOnlyList<PeriodicScaleResult>? Periodic { get; set; }
    public IReadOnlyList<FootprintResult>? Footprint { get; set; }

    /// <summary>The deployable artifacts' sizes (bootstraps and zips per architecture), for the footprint section.</summary>
    public IReadOnlyList<(string Name, long Bytes)> ArtifactSizes { get; set; } = [];

    /// <summary>Why a part has no figures (not run, or failed), by part name.</summary>
    public Dictionary<string, string> Missing { get; } = new(StringComparer.Ordinal);

    public bool Failed { get; set; }
}
