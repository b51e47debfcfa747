using System.Diagnostics;
using ConfigRules.Bench.Cli;
using ConfigRules.Bench.ColdStart;
using ConfigRules.Bench.Hook;
using ConfigRules.Bench.Periodic;
using ConfigRules.Bench.Report;
using ConfigRules.Bench.Warm;
using ConfigRules.Testing;

namespace ConfigRules.Bench;

/// <summary>
/// Runs the parts one after another (cold start first, on a quiet machine; the large CLI files last) and writes
/// the report even when a part fails, with the reason in place of its figures; the exit code is then 1.
/// </summary>
public static class BenchSuite
{
    public static async Task<int> RunAsync(string[] args)
    {
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }

        var root = RepositoryPaths.Root;
        var results = new SuiteResults { Machine = MachineInfo.Read(root), Options = options };
        var total = Stopwatch.StartNew();

        if (Runs(options, "cold"))
        {
            await PartAsync(results, "cold", async () => results.ColdStart = await ColdStartRunner.RunAsync(
                options.Bootstrap ?? RepositoryPaths.Bootstrap,
                options.JitBootstrap ?? RepositoryPaths.InRepo("artifacts", "bench", "jit", "bootstrap.dll"),
                options.ColdStartRuns));
        }
        if (Runs(options, "warm"))
        {
            await PartAsync(results, "warm", () =>
            {
                results.WarmPath = WarmPathRunner.Run(RepositoryPaths.InRepo("artifacts", "bench", "BenchmarkDotNet.Artifacts"), options.WarmIterations);
                return Task.CompletedTask;
            });
        }
        if (Runs(options, "periodic"))
        {
            await PartAsync(results, "periodic", async () =>
            {
                var runs = new List<PeriodicScaleResult>();
                results.Periodic = runs;
                foreach (var latency in new[] { TimeSpan.Zero, TimeSpan.FromMilliseconds(options.LatencyMilliseconds) })
                {
                    var periodic = await PeriodicScaleRunner.RunAsync(options.PeriodicFunctions, stale: 50, options.MaxConcurrentBatches, latency);
                    runs.Add(periodic);
                    Console.WriteLine($"[periodic] {periodic.Functions:N0} functions, {latency.TotalMilliseconds} ms per call: {periodic.Wall.TotalSeconds:F2} s");
                    if (!periodic.CallsAreMinimal || periodic.Accepted != periodic.Functions + periodic.Stale)
                        throw new InvalidOperationException($"The periodic run made {string.Join(", ", periodic.Calls.Select(c => $"{c.Made} {c.Operation} (minimum {c.Minimum})"))} " +
                                                            $"and the endpoint accepted {periodic.Accepted} evaluations for {periodic.Functions + periodic.Stale} resources.");
                }
            });
        }
        if (Runs(options, "footprint"))
        {
            await PartAsync(results, "footprint", async () =>
            {
                results.ArtifactSizes = [.. DeployableArtifacts
                    .Select(name => (Name: name, Path: RepositoryPaths.InRepo(["artifacts", .. name.Split('/')])))
                    .Where(artifact => File.Exists(artifact.Path))
                    .Select(artifact => ($"artifacts/{artifact.Name}", new FileInfo(artifact.Path).Length))];
                results.Footprint = await Footprint.FootprintRunner.RunAsync(options.Bootstrap ?? RepositoryPaths.Bootstrap);
            });
        }
        if (Runs(options, "hook"))
        {
            await PartAsync(results, "hook", () =>
            {
                results.Hook = HookDecisionRunner.Run(options.HookIterations);
                foreach (var h in results.Hook) Console.WriteLine($"[hook] {h.Case}: median {h.Median.TotalMilliseconds:F1} ms, slowest {h.Max.TotalMilliseconds:F1} ms");
                return Task.CompletedTask;
            });
        }
        if (Runs(options, "cli"))
        {
            await PartAsync(results, "cli", () =>
            {
                var cli = options.Cli ?? (Environment.GetEnvironmentVariable("CONFIGRULES_CLI") is { Length: > 0 } fromEnvironment
                    ? fromEnvironment
                    : RepositoryPaths.InRepo("artifacts", "cli", "configrules"));
                (results.Cli, results.CliCheck) = CliThroughputRunner.Run(cli, options.CliSizes, root, options.KeepSnapshots);
                return Task.CompletedTask;
            });
        }

        results.Duration = total.Elapsed;
        results.LoadAfter = MachineInfo.LoadAverage();
        var output = Path.GetFullPath(options.Output);
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllTextAsync(output, PerformanceReport.Render(results));
        Console.WriteLine($"Wrote {output} ({results.Duration.TotalMinutes:F1} min).");
        return results.Failed ? 1 : 0;
    }

    private static readonly string[] DeployableArtifacts = ["lambda/bootstrap", "lambda-arm64/bootstrap", "config-rules-lambda.zip", "config-rules-lambda-arm64.zip"];

    private static bool Runs(BenchOptions options, string part) => options.Parts.Contains(part, StringComparer.Ordinal);

    private static async Task PartAsync(SuiteResults results, string part, Func<Task> run)
    {
        var stopwatch = Stopwatch.StartNew();
        Console.WriteLine($"== {part} ==");
        try
        {
            await run();
            Console.WriteLine($"== {part}: done in {stopwatch.Elapsed.TotalSeconds:F0} s ==");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The report still gets written, naming what failed; the exit code tells the build.
            results.Failed = true;
            results.Missing[part] = $"failed: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}";
            await Console.Error.WriteLineAsync($"== {part} failed: {ex} ==");
        }
    }
}
