using System.Globalization;
using System.Text;
using ConfigRules.Bench.Footprint;

namespace ConfigRules.Bench.Report;

/// <summary>
/// Cost and footprint: the bootstrap's size per architecture, each handler's peak memory and the smallest memory
/// limit it worked under, and what a million evaluations cost at Lambda's published prices.
/// </summary>
public static class FootprintSection
{
    /// <summary>AWS Lambda pricing page, US East (N. Virginia), first tier, as published since the Graviton prices of September 2021.</summary>
    public const decimal RequestPricePerMillion = 0.20m;
    public const decimal X86PricePerGbSecond = 0.0000166667m;
    public const decimal Arm64PricePerGbSecond = 0.0000133334m;
    public const string PriceSource = "AWS Lambda pricing (https://aws.amazon.com/lambda/pricing/), US East (N. Virginia), first tier: requests $0.20 per million; duration $0.0000166667 per GB-second on x86_64, $0.0000133334 on arm64 (as published since September 2021; check the page for current prices)";

    /// <summary>Lambda's smallest memory setting.</summary>
    public const int LambdaMinimumMb = 128;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        md.AppendLine("## 5. Cost and footprint");
        md.AppendLine();
        if (results.Footprint is not { Count: > 0 } footprint)
        {
            md.AppendLine(Invariant, $"Not measured: {results.Missing.GetValueOrDefault("footprint") ?? "not run"}.");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("| Artifact | Size |");
        md.AppendLine("| --- | --- |");
        foreach (var (name, bytes) in results.ArtifactSizes) md.AppendLine(Invariant, $"| `{name}` | {PerformanceReport.Mb(bytes)} |");
        md.AppendLine();
        md.AppendLine("Each handler's typical work in the x86_64 Native AOT bootstrap as a process, against the loopback endpoints: peak");
        md.AppendLine("resident memory (VmHWM). The limits column records runs under a cgroup memory limit; on this machine the limit");
        md.AppendLine("was not enforced (every run passed below its own peak), so only the peak RSS says what fits in a setting.");
        md.AppendLine("Warm duration: the median of the runtime's logged durationMs over repeated invocations in one process (the first");
        md.AppendLine("left out), rounded up to the millisecond as Lambda bills; the loopback endpoints answer without network latency.");
        md.AppendLine();
        md.AppendLine("| Handler | Work | Peak RSS | Limits tried | Smallest Lambda setting | Warm billed duration |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var result in footprint)
        {
            var tried = string.Join(", ", result.Limits.Select(l => $"{l.LimitMb} MB {(l.Worked ? "ok" : "failed")}"));
            var setting = result.Limits.Any(l => l.LimitMb == LambdaMinimumMb && l.Worked) ? $"{LambdaMinimumMb} MB (the minimum; peak {PerformanceReport.Mb(result.PeakRssBytes)})" : "**above 128 MB**";
            md.AppendLine(Invariant, $"| `{result.Scenario.Handler}` | {result.Scenario.Work} | {PerformanceReport.Mb(result.PeakRssBytes)} | {tried} | {setting} | {result.WarmBilledMs:F0} ms |");
        }
        md.AppendLine();
        Costs(md, footprint);
        return md.ToString();
    }

    private static void Costs(StringBuilder md, IReadOnlyList<FootprintResult> footprint)
    {
        md.AppendLine(Invariant, $"Cost of one million evaluations at {LambdaMinimumMb} MB, from {PriceSource}. A change-triggered rule makes one");
        md.AppendLine(Invariant, $"invocation per evaluation; a periodic run makes one for {FootprintScenarios.PeriodicFunctions:N0} evaluations. The arm64 row uses the x86_64 durations");
        md.AppendLine("(the arm64 bootstrap runs here only under emulation, whose timings say nothing of Graviton).");
        md.AppendLine();
        md.AppendLine("| Rule | How | Invocations | Billed per invocation | x86_64 | arm64 |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var result in footprint.Where(r => r.Scenario.Handler == "lambda-runtime-check"))
        {
            var evaluationsPerInvocation = result.Scenario.Work.StartsWith("a periodic", StringComparison.Ordinal) ? FootprintScenarios.PeriodicFunctions : 1;
            var invocations = 1_000_000m / evaluationsPerInvocation;
            md.AppendLine(Invariant,
                $"| `lambda-runtime-check` (Native AOT) | {result.Scenario.Work} | {invocations:N0} | {result.WarmBilledMs:F0} ms | {Dollars(Cost(invocations, result.WarmBilledMs, X86PricePerGbSecond))} | {Dollars(Cost(invocations, result.WarmBilledMs, Arm64PricePerGbSecond))} |");
        }
        md.AppendLine("| Python rule on the same work | - | - | warm duration not measured; its cold start is in section 1, beside the bootstrap's | - | - |");
        md.AppendLine();
    }

    private static decimal Cost(decimal invocations, double billedMs, decimal pricePerGbSecond) =>
        invocations / 1_000_000m * RequestPricePerMillion
        + invocations * (decimal)billedMs / 1000m * (LambdaMinimumMb / 1024m) * pricePerGbSecond;

    private static string Dollars(decimal value) => "$" + value.ToString("F4", Invariant);
}
