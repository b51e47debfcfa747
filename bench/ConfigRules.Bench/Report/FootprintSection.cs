using System.Globalization;
using System.Text;
using ConfigRules.Bench.Footprint;

namespace ConfigRules.Bench.Report;

/// <summary>
/// Cost and footprint: the bootstrap's size per architecture, each handler's peak memory and the smallest memory
/// limit it worked under (and a Python rule's beside the C# one), and what a million evaluations cost at Lambda's published prices.
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
        md.AppendLine("Each handler's typical work as a process against the loopback endpoints (the x86_64 Native AOT bootstrap; the Python");
        md.AppendLine("rule of section 1, python3 with its standard library and its own Runtime API loop): peak resident memory (VmHWM) with no");
        md.AppendLine("limit, then one cold invocation per limit, from 128 MB down until one fails. This machine does not enforce a cgroup");
        md.AppendLine(Invariant, $"memory limit (an earlier run under one passed below its own peak), so the limit is {FootprintLimits.Mechanism}, which the");
        md.AppendLine("kernel enforces by refusing the allocation. It counts private writable memory, reserved thread stacks included even where");
        md.AppendLine("untouched (8 MB each at the default stack limit, Lambda's too): below 64 MB the bootstrap aborts starting a thread, for");
        md.AppendLine("that reason and not for lack of resident memory (a bare start under 48 MB passes with `ulimit -s 1024`, fails without),");
        md.AppendLine("and a run near 64 MB passes or fails with the number of threads it happens to start. It does not count the mapped");
        md.AppendLine("executable, shared libraries, page cache or kernel");
        md.AppendLine("memory, which Lambda's limit does. So the smallest working limit is claimed only where the peak RSS fits in it too. The");
        md.AppendLine("bootstrap also gets DOTNET_GCHeapHardLimit at 75% of the setting (what .NET derives from a container limit); it is not");
        md.AppendLine("shown to enforce anything here: the bootstrap started under a 64 KB value.");
        md.AppendLine("Warm duration: the median over repeated invocations in one process (the first left out) of the span the Runtime API");
        md.AppendLine("sees, from handing out the event to receiving the response, rounded up to the millisecond as Lambda bills; the loopback");
        md.AppendLine("endpoints answer without network latency, and the bench shared its two cores with other builds, so a millisecond or");
        md.AppendLine("two either way is noise.");
        md.AppendLine();
        md.AppendLine("| Handler | Runtime | Work | Peak RSS | RLIMIT_DATA limits tried | Smallest limit it works at (measured) | Lambda setting | Warm billed duration |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var result in footprint)
        {
            var tried = string.Join(", ", result.Limits.Select(l => $"{l.LimitMb} MB {(l.Worked ? "ok" : "failed")}"));
            var smallest = SmallestWorking(result);
            var fits = smallest is { } mb ? $"{mb} MB (peak {PerformanceReport.Mb(result.PeakRssBytes)})" : "none tried";
            var setting = smallest is not null ? $"{LambdaMinimumMb} MB (the minimum)" : "**above 128 MB**";
            md.AppendLine(Invariant, $"| `{result.Scenario.Handler}` | {Runtime(result.Scenario.Runtime)} | {result.Scenario.Work} | {PerformanceReport.Mb(result.PeakRssBytes)} | {tried} | {fits} | {setting} | {result.WarmBilledMs:F0} ms |");
        }
        md.AppendLine();
        Costs(md, footprint);
        return md.ToString();
    }

    /// <summary>The smallest limit of an unbroken run of successes from the top, that the unlimited peak RSS also fits in.</summary>
    private static int? SmallestWorking(FootprintResult result) =>
        result.Limits.TakeWhile(l => l.Worked).Where(l => l.LimitMb * 1_048_576L >= result.PeakRssBytes).Select(l => (int?)l.LimitMb).LastOrDefault();

    private static string Runtime(FootprintRuntime runtime) => runtime == FootprintRuntime.Python ? "Python 3" : "Native AOT";

    private static void Costs(StringBuilder md, IReadOnlyList<FootprintResult> footprint)
    {
        md.AppendLine(Invariant, $"Cost of one million evaluations at {LambdaMinimumMb} MB, from {PriceSource}. A change-triggered rule makes one");
        md.AppendLine(Invariant, $"invocation per evaluation; a periodic run makes one for {FootprintScenarios.PeriodicFunctions:N0} evaluations. The arm64 column uses the x86_64 durations");
        md.AppendLine("(the arm64 bootstrap runs here only under emulation, whose timings say nothing of Graviton). The Python rule is the");
        md.AppendLine("cold-start bench's `lambda-timeout-check` (section 1): the same work as the C# rule on one change notification (read the");
        md.AppendLine("item, judge one setting, one signed PutEvaluations), measured the same way.");
        md.AppendLine();
        md.AppendLine("| Rule | How | Invocations | Billed per invocation | x86_64 | arm64 |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var result in footprint.Where(r => r.Scenario.Handler is "lambda-runtime-check" or FootprintScenarios.PythonHandler))
        {
            var evaluationsPerInvocation = result.Scenario.Work.StartsWith("a periodic", StringComparison.Ordinal) ? FootprintScenarios.PeriodicFunctions : 1;
            var invocations = 1_000_000m / evaluationsPerInvocation;
            var rule = result.Scenario.Runtime == FootprintRuntime.Python ? "`lambda-timeout-check` (Python 3)" : $"`{result.Scenario.Handler}` (Native AOT)";
            md.AppendLine(Invariant,
                $"| {rule} | {result.Scenario.Work} | {invocations:N0} | {result.WarmBilledMs:F0} ms | {Dollars(Cost(invocations, result.WarmBilledMs, X86PricePerGbSecond))} | {Dollars(Cost(invocations, result.WarmBilledMs, Arm64PricePerGbSecond))} |");
        }
        md.AppendLine();
    }

    private static decimal Cost(decimal invocations, double billedMs, decimal pricePerGbSecond) =>
        invocations / 1_000_000m * RequestPricePerMillion
        + invocations * (decimal)billedMs / 1000m * (LambdaMinimumMb / 1024m) * pricePerGbSecond;

    private static string Dollars(decimal value) => "$" + value.ToString("F4", Invariant);
}
