using System.Text.Json;

namespace ConfigRules.Bench.Cli;

/// <summary>One snapshot size: the CLI against the raw scan of the same file, in the same run.</summary>
public sealed record CliThroughputResult(
    int Items, long FileBytes, TimeSpan Generation, RawScanResult Raw, ProcessMeasurement Cli, int Runs, ProcessMeasurement OneRule)
{
    /// <summary>The same CLI with one cheap rule: what reading and mapping the items costs on its own.</summary>
    public double OneRuleMegabytesPerSecond => FileBytes / 1_048_576d / OneRule.Wall.TotalSeconds;

    public double RawMegabytesPerSecond => FileBytes / 1_048_576d / Raw.Wall.TotalSeconds;
    public double CliMegabytesPerSecond => FileBytes / 1_048_576d / Cli.Wall.TotalSeconds;
    public double CliItemsPerSecond => Items / Cli.Wall.TotalSeconds;
    public double RawItemsPerSecond => Items / Raw.Wall.TotalSeconds;
    public double RatioToRaw => CliMegabytesPerSecond / RawMegabytesPerSecond;
}

/// <summary>What the CLI reported when its JSON output was kept: evaluations written and the summary's total.</summary>
public sealed record CliOutputCheck(int Items, int Functions, int FunctionRules, long Evaluations, long SummaryTotal, int ExitCode);

/// <summary>
/// Generates snapshots of growing size in a temporary folder, scans each raw, then runs
/// <c>configrules evaluate FILE --format json</c> on it with the output discarded, measuring wall time and peak RSS.
/// </summary>
public static class CliThroughputRunner
{
    public static readonly string[] Arguments = ["evaluate", "{file}", "--format", "json"];
    public const string OneRule = "lambda-timeout-check";

    public static (IReadOnlyList<CliThroughputResult> Results, CliOutputCheck Check) Run(string cli, IReadOnlyList<int> sizes, string workingDirectory, string? keepIn)
    {
        if (!File.Exists(cli)) throw new FileNotFoundException($"The CLI {cli} is missing: publish it first (dotnet cake --target=PublishCli).", cli);
        var folder = keepIn is null ? Directory.CreateTempSubdirectory("configrules-bench-snapshots-").FullName : Directory.CreateDirectory(keepIn).FullName;
        try
        {
            var results = new List<CliThroughputResult>();
            CliOutputCheck? check = null;
            foreach (var items in sizes)
            {
                var path = Path.Combine(folder, $"snapshot-{items}.json");
                var generation = System.Diagnostics.Stopwatch.StartNew();
                var bytes = SnapshotGenerator.Write(path, items);
                generation.Stop();
                Console.WriteLine($"[cli] {items:N0} items: {bytes / 1_048_576d:F1} MB generated in {generation.Elapsed.TotalSeconds:F1} s");

                // Small files are dominated by noise and process start: take the median of three; the largest runs once.
                var runs = items <= 100_000 ? 3 : 1;
                RawJsonScan.Run(path); // discarded: compiles the scan and brings the file into the page cache for both readers
                var raws = new List<RawScanResult>();
                var clis = new List<ProcessMeasurement>();
                for (var run = 0; run < runs; run++)
                {
                    var raw = RawJsonScan.Run(path);
                    if (raw.Items != items) throw new InvalidOperationException($"The raw scan counted {raw.Items} items in {path}, not {items}.");
                    raws.Add(raw);
                    clis.Add(RunCli(cli, path, workingDirectory, "/dev/null"));
                }
                var oneRule = RunCli(cli, path, workingDirectory, "/dev/null", "--rule", OneRule);
                var result = new CliThroughputResult(items, bytes, generation.Elapsed,
                    raws.OrderBy(r => r.Wall).ElementAt(runs / 2), clis.OrderBy(c => c.Wall).ElementAt(runs / 2), runs, oneRule);
                Console.WriteLine($"[cli] {items:N0} items: raw {result.RawMegabytesPerSecond:F0} MB/s, CLI {result.CliMegabytesPerSecond:F1} MB/s, " +
                                  $"{result.CliItemsPerSecond:F0} items/s, peak RSS {result.Cli.PeakRssBytes / 1_048_576d:F0} MB; one rule {result.OneRuleMegabytesPerSecond:F1} MB/s");
                results.Add(result);

                check ??= CheckOutput(cli, path, folder, workingDirectory, items);
                if (keepIn is null) File.Delete(path);
            }
            return (results, check!);
        }
        finally
        {
            if (keepIn is null) Directory.Delete(folder, recursive: true);
        }
    }

    private static ProcessMeasurement RunCli(string cli, string path, string workingDirectory, string output, params string[] extra)
    {
        var measurement = MeasuredProcess.Run(cli, [.. Arguments.Select(a => a == "{file}" ? path : a), .. extra], workingDirectory, output);
        // 0: nothing NON_COMPLIANT, 1: something NON_COMPLIANT (the generated account has deprecated runtimes); 2 is an error.
        if (measurement.ExitCode is not (0 or 1))
            throw new InvalidOperationException($"configrules evaluate {path} exited with {measurement.ExitCode}: {measurement.StandardError.Trim()}");
        return measurement;
    }

    /// <summary>Once, on the smallest file, keeps the JSON output and checks that every item was evaluated.</summary>
    private static CliOutputCheck CheckOutput(string cli, string path, string folder, string workingDirectory, int items)
    {
        var output = Path.Combine(folder, "output.json");
        var measurement = RunCli(cli, path, workingDirectory, output);
        using var stream = File.OpenRead(output);
        using var document = JsonDocument.Parse(stream);
        var evaluations = document.RootElement.GetProperty("evaluations").GetArrayLength();
        long total = 0;
        foreach (var count in document.RootElement.GetProperty("summary").EnumerateObject()) total += count.Value.GetInt64();
        File.Delete(output);
        var functions = items - items / 100; // one item in a hundred is a role, which no rule evaluates
        var functionRules = ConfigRules.Rules.RuleCatalog.Definitions.Count(d => d.ResourceTypes.Contains(Fixtures.LambdaFunctionItems.ResourceType, StringComparer.Ordinal));
        if (evaluations != (long)functions * functionRules || total != evaluations)
            throw new InvalidOperationException($"configrules wrote {evaluations} evaluations (summary {total}) for {functions} functions: expected one per function and Lambda rule ({functionRules}).");
        return new CliOutputCheck(items, functions, functionRules, evaluations, total, measurement.ExitCode);
    }
}
