using System.Text.Json;

namespace ConfigRules.Bench.Cli;

/// <summary>One snapshot size: the CLI against the raw scan of the same file, in the same run.</summary>
/// <param name="Rules">The CLI with each rule alone (<c>--rule ID</c>), by rule id; empty for the largest file, which runs once.</param>
/// <param name="Scripted">jq and python3 doing <see cref="OneRule"/>'s check; empty where not run.</param>
public sealed record CliThroughputResult(
    int Items, long FileBytes, TimeSpan Generation, RawScanResult Raw, ProcessMeasurement Cli, int Runs, ProcessMeasurement OneRule,
    IReadOnlyList<(string Rule, ProcessMeasurement Run)> Rules, IReadOnlyList<ScriptedRun> Scripted, string? Profile = null)
{
    public double RatioOf(ProcessMeasurement run) => Raw.Wall.TotalSeconds / run.Wall.TotalSeconds;

    /// <summary>How many times faster the CLI with <see cref="CliThroughputRunner.OneRule"/> alone is than the tool.</summary>
    public double OneRuleSpeedupOver(ScriptedRun tool) => tool.Measurement!.Wall.TotalSeconds / OneRule.Wall.TotalSeconds;

    /// <summary>How many times faster the CLI with every rule is than the tool with one.</summary>
    public double FullSpeedupOver(ScriptedRun tool) => tool.Measurement!.Wall.TotalSeconds / Cli.Wall.TotalSeconds;

    /// <summary>The same CLI with one cheap rule: what reading and mapping the items costs on its own.</summary>
    public double OneRuleMegabytesPerSecond => FileBytes / 1_048_576d / OneRule.Wall.TotalSeconds;

    public double RawMegabytesPerSecond => FileBytes / 1_048_576d / Raw.Wall.TotalSeconds;
    public double CliMegabytesPerSecond => FileBytes / 1_048_576d / Cli.Wall.TotalSeconds;
    public double CliItemsPerSecond => Items / Cli.Wall.TotalSeconds;
    public double RawItemsPerSecond => Items / Raw.Wall.TotalSeconds;
    public double RatioToRaw => CliMegabytesPerSecond / RawMegabytesPerSecond;
}

/// <summary>What the CLI reported when its JSON output was kept: evaluations written and the summary's total.</summary>
/// <param name="AccountRules">Rules of <c>AWS::::Account</c>: each judges the one generated account once.</param>
/// <param name="InputBytes">The snapshot's size; <paramref name="OutputBytes"/>, the JSON report's: what the CLI writes beyond what the raw scan reads.</param>
public sealed record CliOutputCheck(int Items, int Functions, int FunctionRules, int AccountRules, long Evaluations, long SummaryTotal, int ExitCode,
    long InputBytes, long OutputBytes);

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
                // Each rule alone and the scripted checks on the files that take seconds, not minutes (jq and python3
                // hold the whole document in memory: several GB at 1,000,000 items).
                var perRule = new List<(string, ProcessMeasurement)>();
                string? profile = null;
                var scripted = new List<ScriptedRun>();
                if (runs > 1)
                {
                    foreach (var definition in ConfigRules.Rules.RuleCatalog.Definitions)
                        perRule.Add((definition.Id, RunCli(cli, path, workingDirectory, "/dev/null", "--rule", definition.Id)));
                    profile = Profile(cli, path, workingDirectory);
                    scripted.Add(ScriptedCheck.Jq(path, workingDirectory));
                    scripted.Add(ScriptedCheck.Python(path, workingDirectory));
                    foreach (var tool in scripted)
                        Console.WriteLine(tool.Measurement is { } m ? $"[cli] {items:N0} items: {tool.Tool} {m.Wall.TotalSeconds:F2} s, peak RSS {m.PeakRssBytes / 1_048_576d:F0} MB" : $"[cli] {items:N0} items: {tool.Tool} not run: {tool.NotRun}");
                }
                var result = new CliThroughputResult(items, bytes, generation.Elapsed,
                    raws.OrderBy(r => r.Wall).ElementAt(runs / 2), clis.OrderBy(c => c.Wall).ElementAt(runs / 2), runs, oneRule, perRule, scripted, profile);
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

    /// <summary>The CLI's own breakdown of its time by stage (<c>CONFIGRULES_PROFILE=1</c>, every rule), as it writes it to stderr.</summary>
    private static string? Profile(string cli, string path, string workingDirectory)
    {
        Environment.SetEnvironmentVariable("CONFIGRULES_PROFILE", "1");
        try
        {
            var run = RunCli(cli, path, workingDirectory, "/dev/null");
            return run.StandardError.Split('\n').FirstOrDefault(line => line.Contains("profile:", StringComparison.Ordinal))?.Trim();
        }
        finally
        {
            Environment.SetEnvironmentVariable("CONFIGRULES_PROFILE", null);
        }
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
        var outputBytes = stream.Length;
        File.Delete(output);
        var functions = items - items / 100; // one item in a hundred is a role, which no rule evaluates
        var functionRules = ConfigRules.Rules.RuleCatalog.Definitions.Count(d => d.Covers(Fixtures.LambdaFunctionItems.ResourceType));
        var accountRules = ConfigRules.Rules.RuleCatalog.Definitions.Count(d => d.Covers(ConfigRules.Framework.Model.AccountItem.ResourceType));
        if (evaluations != (long)functions * functionRules + accountRules || total != evaluations)
            throw new InvalidOperationException($"configrules wrote {evaluations} evaluations (summary {total}) for {functions} functions: expected one per function and Lambda rule ({functionRules}) and one per account rule ({accountRules}).");
        return new CliOutputCheck(items, functions, functionRules, accountRules, evaluations, total, measurement.ExitCode,
            new FileInfo(path).Length, outputBytes);
    }
}
