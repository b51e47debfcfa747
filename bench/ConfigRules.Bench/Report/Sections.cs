using System.Globalization;
using System.Text;
using static ConfigRules.Bench.Report.PerformanceReport;

namespace ConfigRules.Bench.Report;

internal static class ColdStartSection
{
    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("## 1. Cold start");
        md.AppendLine();
        md.AppendLine("Process start to the first evaluation accepted by the loopback Config endpoint and the invocation answered on the");
        md.AppendLine("loopback Runtime API: handler `lambda-runtime-check`, one `ConfigurationItemChangeNotification` of a typical function,");
        md.AppendLine("SigV4-signed `PutEvaluations` verified by the loopback endpoint. Each run is a new process with Lambda's environment;");
        md.AppendLine("the builds alternate run by run so that all see the same machine state.");
        md.AppendLine();
        if (results.ColdStart is not { } cold)
        {
            md.AppendLine(inv, $"Not measured: {results.Missing.GetValueOrDefault("cold")}");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("| Build | Command | Runs | Median | Min | Max | Size |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var s in new[] { cold.Aot, cold.Jit, cold.Python }.OfType<ColdStart.ColdStartSeries>())
            md.AppendLine(inv, $"| {s.Build} | `{s.Command}` | {s.Samples.Count} | **{Ms(s.Median)}** | {Ms(s.Min)} | {Ms(s.Max)} | {(s.SizeBytes < 1_048_576 ? Bytes(s.SizeBytes) : Mb(s.SizeBytes))} ({s.SizeWhat}) |");
        md.AppendLine();
        md.AppendLine(inv, $"AOT is **{cold.Speedup:F1}x** faster to its first answer than the same code under the JIT (target: at least 5x): {Met(cold.Speedup >= 5)}.");
        md.AppendLine();
        md.AppendLine("The Python row is `lambda-timeout-check` written as a plain Python 3 rule (bench/ConfigRules.Bench/ColdStart/python:");
        md.AppendLine("standard library only, its own Runtime API loop, SigV4-signed `PutEvaluations` to the same verifying endpoint), run by");
        md.AppendLine("the machine's interpreter: what a rule written the usual way costs at cold start, beside the C# bootstrap.");
        md.AppendLine(inv, $"{(cold.PythonRatio is { } ratio ? $"Python median / AOT median: **{ratio:F2}x**." : $"Python not measured: {cold.PythonMissing}.")}");
        md.AppendLine();
        md.AppendLine("Samples (ms), in run order:");
        md.AppendLine();
        md.AppendLine(inv, $"- AOT: {string.Join(", ", cold.Aot.Samples.Select(s => s.TotalMilliseconds.ToString("F1", inv)))}");
        md.AppendLine(inv, $"- JIT: {string.Join(", ", cold.Jit.Samples.Select(s => s.TotalMilliseconds.ToString("F1", inv)))}");
        if (cold.Python is { } python)
            md.AppendLine(inv, $"- Python: {string.Join(", ", python.Samples.Select(s => s.TotalMilliseconds.ToString("F1", inv)))}");
        md.AppendLine();
        return md.ToString();
    }
}

internal static class WarmPathSection
{
    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("## 2. Warm path");
        md.AppendLine();
        md.AppendLine("BenchmarkDotNet 0.15.8 with MemoryDiagnoser, in process (one launch, 3 warm-ups, " +
                      $"{results.Options.WarmIterations} measured iterations), on one `lambda-runtime-check` invocation without the network:");
        md.AppendLine("the event bytes as the Runtime API hands them over are parsed, the item judged, and the `PutEvaluations` request built,");
        md.AppendLine("serialized and SigV4-signed by the real Config client, whose HTTP handler reads the body and answers in memory.");
        md.AppendLine("*Typical* is a realistic function item; *OneMegabyte* is the same function with about 1 MB of environment variables and tags.");
        md.AppendLine();
        if (results.WarmPath is not { } warm)
        {
            md.AppendLine(inv, $"Not measured: {results.Missing.GetValueOrDefault("warm")}");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("| Work | Item (item size, event size) | Median time | Allocated per invocation |");
        md.AppendLine("| --- | --- | --- | --- |");
        foreach (var w in warm.OrderByDescending(w => w.Item, StringComparer.Ordinal).ThenBy(w => w.Order))
            md.AppendLine(inv, $"| {w.Case} | {w.Item} ({Bytes(w.ItemBytes)}, {Bytes(w.EventBytes)}) | {Time(w.MedianMicroseconds)} | {Bytes(w.AllocatedBytes)} |");
        md.AppendLine();
        return md.ToString();
    }

    private static string Time(double microseconds) => microseconds >= 1_000
        ? (microseconds / 1_000).ToString("F2", CultureInfo.InvariantCulture) + " ms"
        : microseconds.ToString("F1", CultureInfo.InvariantCulture) + " µs";
}

internal static class CliSection
{
    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("## 3. CLI throughput and memory");
        md.AppendLine();
        md.AppendLine("Generated Config snapshots (`{\"fileVersion\",\"configSnapshotId\",\"configurationItems\":[...]}`) of realistic");
        md.AppendLine("`AWS::Lambda::Function` items (one item in a hundred is an `AWS::IAM::Role`: the functions' execution roles, as in an");
        md.AppendLine("account's snapshot), written to a temporary folder by a streamed Utf8JsonWriter. For each file, in the same run:");
        md.AppendLine("a raw `Utf8JsonReader` scan (1 MB blocks, every token read, nothing decoded: the physical limit), then");
        md.AppendLine("`artifacts/cli/configrules evaluate FILE --format json` with stdout to /dev/null, every rule with its defaults.");
        md.AppendLine("Peak RSS is the kernel's high-water mark (VmHWM in /proc/PID/status) sampled every 2 ms; wait4's ru_maxrss is not used");
        md.AppendLine("because a posix_spawn child inherits the parent's high-water mark at exec. Files up to 100,000 items: median of 3 runs;");
        md.AppendLine("1,000,000 items: one run.");
        md.AppendLine("The file is in the page cache for both readers (it was just written).");
        md.AppendLine();
        if (results.Cli is not { } cli)
        {
            md.AppendLine(inv, $"Not measured: {results.Missing.GetValueOrDefault("cli")}");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("| Items | File | Raw scan | CLI time | CLI MB/s | CLI items/s | CLI / raw | CLI peak RSS | CLI, one rule: MB/s (/ raw), peak RSS |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var c in cli)
            md.AppendLine(inv, $"| {c.Items:N0} | {Mb(c.FileBytes)} | {c.Raw.Wall.TotalSeconds:F2} s, {c.RawMegabytesPerSecond:F0} MB/s | {c.Cli.Wall.TotalSeconds:F2} s | {c.CliMegabytesPerSecond:F1} | {c.CliItemsPerSecond:N0} | **{c.RatioToRaw:F2}x** | **{Mb(c.Cli.PeakRssBytes)}** | {c.OneRuleMegabytesPerSecond:F1} ({c.OneRuleMegabytesPerSecond / c.RawMegabytesPerSecond:F2}x), {Mb(c.OneRule.PeakRssBytes)} |");
        md.AppendLine();
        md.AppendLine(inv, $"The last column runs the same CLI with `--rule {Cli.CliThroughputRunner.OneRule}` only: the cost of reading, parsing and mapping");
        md.AppendLine("every item to the rules' model, with one cheap rule on top.");
        md.AppendLine();
        RenderPerRule(md, cli);
        RenderScripted(md, cli);
        foreach (var c in cli.Where(c => c.Profile is not null)) RenderProfile(md, c);
        md.AppendLine("**How the CLI reads.** One pass, on every core: a reader thread splits the input into items with Utf8JsonReader");
        md.AppendLine("(tokenizing each once to find its end, nothing decoded) and hands them out in batches of 128 KB; workers parse each item");
        md.AppendLine("once into the JsonDocument the rules read (no copy of `configuration`), feed the related items (roles, web ACLs, alarms,");
        md.AppendLine("trails) to the lookups' indexes, judge the item and render its findings to JSON; the main thread writes the batches in");
        md.AppendLine("input order. Rules with lookups judge each item as it is read, with the related items known so far, and record every");
        md.AppendLine("answer they read with its version; their rendered findings wait in a temporary file with those reads, and at the end");
        md.AppendLine("only the items whose answers changed since (a role that came after its functions, an alarm that came later) are read");
        md.AppendLine("again and judged again. The profile line says how many waited and how many of them were kept as judged ahead. Memory");
        md.AppendLine("holds a fixed number of batches.");
        md.AppendLine();
        if (cli.Any(c => c.RatioToRaw < 0.5))
        {
            md.AppendLine("**What stands in the way of 0.5x.** The raw scan tokenizes the input once, on one core, and writes nothing. The CLI");
            md.AppendLine("tokenizes every item twice (to split, then to parse it into the document the rules read), judges each function with");
            md.AppendLine(inv, $"{results.CliCheck?.FunctionRules.ToString(inv) ?? "every Lambda"} rules, and writes a report larger than its input (below); the stage table above puts each part beside the raw scan.");
            if (results.CliCheck is { } written)
            {
                md.AppendLine(inv, $"At {written.Items:N0} items the JSON report is {Mb(written.OutputBytes)} for an input of {Mb(written.InputBytes)}: ");
                md.AppendLine(inv, $"**{(double)written.OutputBytes / written.InputBytes:F2}x** the input's bytes, about {written.OutputBytes / Math.Max(1, written.Evaluations):N0} bytes per evaluation; writing that much JSON");
                md.AppendLine("every byte of it rendered by the workers (within judge+render). 0.5x means the whole run in the time of two raw scans:");
                md.AppendLine("on two cores, at most four raw scans of thread time for splitting, parsing, judging and writing all of that.");
            }
            md.AppendLine();
        }
        if (results.CliCheck is { } check)
            md.AppendLine(inv, $"Output check ({check.Items:N0} items, JSON kept): {check.Evaluations:N0} evaluations written, one for each of the {check.Functions:N0} functions and {check.FunctionRules} Lambda rules and {check.AccountRules} for the account, summary total {check.SummaryTotal:N0}, exit code {check.ExitCode} (1: some NON_COMPLIANT, as generated).");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>
    /// The CLI's own stage stopwatches (<c>CONFIGRULES_PROFILE=1</c>), each stage's thread time beside the raw scan's time on
    /// the same file: how many raw scans each part of the run costs.
    /// </summary>
    private static void RenderProfile(StringBuilder md, Cli.CliThroughputResult c)
    {
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"Where the time goes, every rule, {c.Items:N0} items (the CLI's own stopwatches, `CONFIGRULES_PROFILE=1`; thread time summed over threads, so it includes time spent waiting for a core):");
        md.AppendLine();
        md.AppendLine(inv, $"    {c.Profile}");
        md.AppendLine();
        var stages = StageTimes(c.Profile!);
        if (stages.Count == 0) return;
        md.AppendLine("| Stage | Thread time | In raw scans of the file |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var (stage, milliseconds) in stages)
            md.AppendLine(inv, $"| {stage} | {milliseconds:N0} ms | {milliseconds / c.Raw.Wall.TotalMilliseconds:F1} |");
        var sum = stages.Sum(s => s.Milliseconds);
        md.AppendLine(inv, $"| all stages | {sum:N0} ms | {sum / c.Raw.Wall.TotalMilliseconds:F1} (on 2 cores at best half of it in wall time) |");
        md.AppendLine();
    }

    /// <summary>The "stage N ms" pairs of the profile line, in its order.</summary>
    private static List<(string Stage, double Milliseconds)> StageTimes(string profile)
    {
        var at = profile.IndexOf("by stage:", StringComparison.Ordinal);
        if (at < 0) return [];
        return [.. System.Text.RegularExpressions.Regex.Matches(profile[(at + "by stage:".Length)..], @"\s*([a-z+ ]+?) (\d+) ms[,.]")
            .Select(m => (m.Groups[1].Value, double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)))];
    }

    /// <summary>Each rule alone, as a ratio to the raw scan of the same file in the same run.</summary>
    private static void RenderPerRule(StringBuilder md, IReadOnlyList<Cli.CliThroughputResult> cli)
    {
        var sized = cli.Where(c => c.Rules.Count > 0).ToList();
        if (sized.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("Each rule alone (`--rule ID`, one run each), as a ratio to the raw scan's rate on the same file:");
        md.AppendLine();
        md.AppendLine("| Rule | " + string.Join(" | ", sized.Select(c => $"{c.Items:N0} items")) + " |");
        md.AppendLine("| --- |" + string.Concat(sized.Select(_ => " --- |")));
        foreach (var rule in sized[0].Rules.Select(r => r.Rule))
        {
            md.Append(inv, $"| {rule} |");
            foreach (var c in sized)
            {
                var run = c.Rules.First(r => r.Rule == rule).Run;
                var ratio = c.RatioOf(run);
                md.Append(inv, $" {(ratio >= 0.5 ? $"{ratio:F2}x" : $"**{ratio:F2}x**")} ({run.Wall.TotalSeconds:F2} s) |");
            }
            md.AppendLine();
        }
        md.AppendLine();
    }

    /// <summary>jq and python3 doing one rule's check, against the CLI with that rule and with every rule.</summary>
    private static void RenderScripted(StringBuilder md, IReadOnlyList<Cli.CliThroughputResult> cli)
    {
        var sized = cli.Where(c => c.Scripted.Count > 0).ToList();
        if (sized.Count == 0) return;
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine(inv, $"The same check as `{Cli.CliThroughputRunner.OneRule}` (a timeout outside 1..300 s) written with jq (`{Cli.ScriptedCheck.JqProgram}`) and");
        md.AppendLine("with python3 (`json.load`, then a loop over `configurationItems`), on the same files; the CLI's speed-up over each:");
        md.AppendLine();
        md.AppendLine("| Items | Tool | Time | Peak RSS | CLI, one rule: faster by | CLI, every rule: faster by |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var c in sized)
        {
            foreach (var tool in c.Scripted)
            {
                if (tool.Measurement is not { } m)
                {
                    md.AppendLine(inv, $"| {c.Items:N0} | {tool.Tool} | not run: {tool.NotRun} | | | |");
                    continue;
                }
                var one = c.OneRuleSpeedupOver(tool);
                var full = c.FullSpeedupOver(tool);
                md.AppendLine(inv, $"| {c.Items:N0} | {tool.Tool} | {m.Wall.TotalSeconds:F2} s | {Mb(m.PeakRssBytes)} | {(one >= 10 ? $"{one:F1}x" : $"**{one:F1}x**")} | {full:F1}x |");
            }
        }
        md.AppendLine();
    }
}

internal static class PeriodicSection
{
    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        md.AppendLine("## 4. Periodic scale");
        md.AppendLine();
        md.AppendLine("A `ScheduledNotification` for `lambda-runtime-check` through the real pipeline and Config client (SigV4-signed,");
        md.AppendLine("verified by the loopback endpoint, which checks every body against the service model) in this process. The fake");
        md.AppendLine("account is in its steady state: every function holds a result from the previous run, and deleted functions hold");
        md.AppendLine("stale results that the run turns into NOT_APPLICABLE. Calls and requests in flight are counted at the client's HTTP handler.");
        md.AppendLine();
        if (results.Periodic is not { Count: > 0 } runs)
        {
            md.AppendLine(inv, $"Not measured: {results.Missing.GetValueOrDefault("periodic")}");
            md.AppendLine();
            return md.ToString();
        }
        md.AppendLine("The run is made twice: against the loopback endpoint as it is (the fake account's own work shares the two cores),");
        md.AppendLine("and with a fixed delay before each call, standing in for the round trip to a regional endpoint, where waiting dominates.");
        md.AppendLine();
        md.AppendLine("| Latency per call | Functions (+ stale) | Wall time | Functions/s | Evaluations accepted | Most batch calls in flight (bound) |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var p in runs)
            md.AppendLine(inv, $"| {p.Latency.TotalMilliseconds:F0} ms | {p.Functions:N0} (+{p.Stale}) | **{p.Wall.TotalSeconds:F2} s** | {p.Functions / p.Wall.TotalSeconds:N0} | {p.Accepted:N0} | {p.MaxInFlight} ({p.MaxConcurrentBatches}) |");
        md.AppendLine();
        md.AppendLine(inv, $"Target under 60 s: {Met(runs.All(r => r.Wall.TotalSeconds < 60))}. Calls per operation, with when each operation was busy (from the run's start):");
        md.AppendLine();
        md.AppendLine("| Operation | Minimum the limits allow | Why | " + string.Join(" | ", runs.Select(r => $"Made, busy ({r.Latency.TotalMilliseconds:F0} ms per call)")) + " |");
        md.AppendLine("| --- | --- | --- | " + string.Join(" | ", runs.Select(_ => "---")) + " |");
        foreach (var call in runs[0].Calls)
        {
            var cells = runs.Select(r => r.Calls.FirstOrDefault(c => c.Operation == call.Operation) is { } c
                ? string.Create(inv, $"{c.Made}, {c.Span.From.TotalSeconds:F2}-{c.Span.To.TotalSeconds:F2} s")
                : "0");
            md.AppendLine(inv, $"| {call.Operation} | {call.Minimum} | {call.Why} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
        md.AppendLine(inv, $"Every count is the minimum: {Met(runs.All(r => r.CallsAreMinimal))}.");
        md.AppendLine();
        return md.ToString();
    }
}
