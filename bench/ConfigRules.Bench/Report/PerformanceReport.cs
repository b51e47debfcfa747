using System.Globalization;
using System.Text;

namespace ConfigRules.Bench.Report;

/// <summary>Writes docs/performance.md from one run's results: machine, commands, tables, targets, optimisations.</summary>
public static class PerformanceReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Render(SuiteResults results)
    {
        var md = new StringBuilder();
        md.AppendLine("# Performance");
        md.AppendLine();
        md.AppendLine("Written by `dotnet cake --target=Bench` (bench/ConfigRules.Bench); every figure below comes from one run on the");
        md.AppendLine("machine described here, and each ratio compares two measurements taken side by side in that run.");
        md.AppendLine("Do not edit by hand: run the target again.");
        md.AppendLine();
        Machine(md, results);
        Summary(md, results);
        md.Append(ColdStartSection.Render(results));
        md.Append(WarmPathSection.Render(results));
        md.Append(CliSection.Render(results));
        md.Append(PeriodicSection.Render(results));
        md.Append(FootprintSection.Render(results));
        md.Append(HookSection.Render(results));
        OptimisationList(md);
        return md.ToString();
    }

    private static void Machine(StringBuilder md, SuiteResults results)
    {
        var m = results.Machine;
        md.AppendLine("## Machine and run");
        md.AppendLine();
        md.AppendLine("| | |");
        md.AppendLine("| --- | --- |");
        md.AppendLine(Invariant, $"| Processors (nproc) | {m.Processors} |");
        md.AppendLine(Invariant, $"| Memory | {m.Memory} |");
        md.AppendLine(Invariant, $"| CPU | {m.Cpu} |");
        md.AppendLine(Invariant, $"| OS | {m.OperatingSystem} ({m.Kernel}) |");
        md.AppendLine(Invariant, $"| .NET | {m.Runtime}, SDK {m.Sdk} |");
        md.AppendLine(Invariant, $"| Commit | {m.Commit} |");
        md.AppendLine(Invariant, $"| Run | {results.Started:yyyy-MM-dd HH:mm} UTC, {results.Duration.TotalMinutes:F1} min for the measurements (publishing not included) |");
        md.AppendLine(Invariant, $"| Load average (1, 5, 15 min) | {results.LoadBefore} before, {results.LoadAfter} after: the machine is shared, so absolute times carry its noise; ratios come from runs taken side by side |");
        md.AppendLine();
        md.AppendLine("Commands:");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet tool restore");
        md.AppendLine("dotnet cake --target=Bench");
        md.AppendLine("# which publishes artifacts/lambda/bootstrap (Native AOT), artifacts/cli/configrules (Native AOT) and");
        md.AppendLine("# artifacts/bench/jit/bootstrap.dll (the same bootstrap, framework-dependent, PublishAot=false), then runs:");
        md.AppendLine("dotnet run --project bench/ConfigRules.Bench/ConfigRules.Bench.csproj -c Release -- --output docs/performance.md");
        md.AppendLine("# one part only, e.g.: ... -- --output /tmp/perf.md --only warm,periodic");
        md.AppendLine("```");
        md.AppendLine();
    }

    private static void Summary(StringBuilder md, SuiteResults results)
    {
        md.AppendLine("## Targets");
        md.AppendLine();
        md.AppendLine("| Target | Measured | Met |");
        md.AppendLine("| --- | --- | --- |");
        if (results.ColdStart is { } cold)
            md.AppendLine(Invariant, $"| Cold start: AOT at least 5x faster than JIT | {cold.Speedup:F1}x ({Ms(cold.Aot.Median)} vs {Ms(cold.Jit.Median)} median) | {Met(cold.Speedup >= 5)} |");
        else md.AppendLine(Invariant, $"| Cold start: AOT at least 5x faster than JIT | not measured: {results.Missing.GetValueOrDefault("cold")} | no |");
        if (results.WarmPath is { } warm)
        {
            var typical = warm.FirstOrDefault(w => w.Item == "Typical" && w.Case.StartsWith("Whole", StringComparison.Ordinal));
            md.AppendLine(Invariant, $"| Warm path: time and allocations reported | {(typical is null ? "-" : $"{typical.MedianMicroseconds:F1} µs, {Bytes(typical.AllocatedBytes)} per typical invocation")} | {Met(typical is not null)} |");
        }
        else md.AppendLine(Invariant, $"| Warm path: time and allocations reported | not measured: {results.Missing.GetValueOrDefault("warm")} | no |");
        if (results.Cli is { Count: > 0 } cli)
        {
            var worst = cli.MinBy(c => c.RatioToRaw)!;
            var largest = cli.MaxBy(c => c.Items)!;
            var peak = cli.Max(c => c.Cli.PeakRssBytes);
            md.AppendLine(Invariant, $"| CLI, every rule: at least 0.5x the raw scan's rate | lowest {worst.RatioToRaw:F2}x (at {worst.Items:N0} items) | {Met(worst.RatioToRaw >= 0.5)} |");
            var perRule = cli.SelectMany(c => c.Rules.Select(r => (c.Items, r.Rule, Ratio: c.RatioOf(r.Run)))).ToList();
            if (perRule.Count > 0)
            {
                var slowest = perRule.MinBy(r => r.Ratio);
                md.AppendLine(Invariant, $"| CLI, each rule alone: at least 0.5x the raw scan's rate | lowest {slowest.Ratio:F2}x ({slowest.Rule}, {slowest.Items:N0} items); {perRule.Count(r => r.Ratio >= 0.5)} of {perRule.Count} runs at 0.5x or more | {Met(slowest.Ratio >= 0.5)} |");
            }
            foreach (var tool in cli.SelectMany(c => c.Scripted).Select(t => t.Tool).Distinct())
            {
                var toolRuns = cli.SelectMany(c => c.Scripted.Where(t => t.Tool == tool).Select(t => (c, t))).ToList();
                var measured = toolRuns.Where(r => r.t.Measurement is not null).ToList();
                if (measured.Count == 0)
                {
                    md.AppendLine(Invariant, $"| CLI: at least 10x faster than {tool} doing one rule's check | not run: {toolRuns[0].t.NotRun} | no |");
                    continue;
                }
                var least = measured.Min(r => r.c.OneRuleSpeedupOver(r.t));
                md.AppendLine(Invariant, $"| CLI: at least 10x faster than {tool} doing one rule's check | {string.Join("; ", measured.Select(r => $"{r.c.OneRuleSpeedupOver(r.t):F1}x at {r.c.Items:N0} items (every rule: {r.c.FullSpeedupOver(r.t):F1}x)"))} | {Met(least >= 10)} |");
            }
            md.AppendLine(Invariant, $"| CLI: peak RSS flat, at most 150 MB at 1,000,000 items | {Mb(cli.Min(c => c.Cli.PeakRssBytes))} to {Mb(peak)}; {Mb(largest.Cli.PeakRssBytes)} at {largest.Items:N0} items | {Met(largest.Items >= 1_000_000 && largest.Cli.PeakRssBytes <= 150L * 1_048_576)} |");
        }
        else md.AppendLine(Invariant, $"| CLI throughput and memory | not measured: {results.Missing.GetValueOrDefault("cli")} | no |");
        if (results.Periodic is { Count: > 0 } runs)
        {
            var slowest = runs.MaxBy(r => r.Wall)!;
            md.AppendLine(Invariant, $"| Periodic: {slowest.Functions:N0} functions under 60 s | {string.Join("; ", runs.Select(r => $"{r.Wall.TotalSeconds:F1} s ({r.Latency.TotalMilliseconds:F0} ms per call)"))} | {Met(slowest.Wall.TotalSeconds < 60)} |");
            md.AppendLine(Invariant, $"| Periodic: the minimum number of API calls | {slowest.Calls.Sum(c => c.Made)} made, {slowest.Calls.Sum(c => c.Minimum)} minimum | {Met(runs.All(r => r.CallsAreMinimal))} |");
            md.AppendLine(Invariant, $"| Periodic: batches concurrent within a bound | at most {runs.Max(r => r.MaxInFlight)} batch calls in flight, bound {slowest.MaxConcurrentBatches} | {Met(runs.All(r => r.MaxInFlight > 1 && r.MaxInFlight <= r.MaxConcurrentBatches))} |");
        }
        else md.AppendLine(Invariant, $"| Periodic scale | not measured: {results.Missing.GetValueOrDefault("periodic")} | no |");
        md.AppendLine(HookSection.TargetRow(results));
        md.AppendLine();
    }

    private static void OptimisationList(StringBuilder md)
    {
        md.AppendLine("## Optimisations and what each bought");
        md.AppendLine();
        if (Optimisations.All.Count == 0)
        {
            md.AppendLine("None so far.");
            md.AppendLine();
            return;
        }
        md.AppendLine("Measured with this suite on this machine just before and just after each change (the tables above are the current state).");
        md.AppendLine();
        md.AppendLine("| Change | Where | What it bought |");
        md.AppendLine("| --- | --- | --- |");
        foreach (var entry in Optimisations.All) md.AppendLine(Invariant, $"| {entry.Change} | {entry.Where} | {entry.Bought} |");
        md.AppendLine();
    }

    internal static string Met(bool met) => met ? "yes" : "**no**";

    internal static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("F1", Invariant) + " ms";

    internal static string Mb(long bytes) => (bytes / 1_048_576d).ToString("F1", Invariant) + " MB";

    internal static string Bytes(long bytes) => bytes switch
    {
        < 0 => "n/a",
        < 10_240 => bytes.ToString("N0", Invariant) + " B",
        < 10_485_760 => (bytes / 1_024d).ToString("N1", Invariant) + " KB",
        _ => (bytes / 1_048_576d).ToString("N1", Invariant) + " MB",
    };
}
