using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace ConfigRules.Bench.Warm;

/// <summary>One row of the warm-path table: a cut of the invocation for one item size.</summary>
public sealed record WarmPathResult(string Case, int Order, string Item, long ItemBytes, long EventBytes, double MedianMicroseconds, double ErrorMicroseconds, long AllocatedBytes);

/// <summary>
/// Runs <see cref="WarmPathBenchmarks"/> with BenchmarkDotNet in this process (a short job: one launch, three
/// warm-ups, a handful of measured iterations) so that it fits the suite's time budget.
/// </summary>
public static class WarmPathRunner
{
    public static IReadOnlyList<WarmPathResult> Run(string artifactsPath, int iterations)
    {
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(iterations)
            .WithId("Short");
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(artifactsPath)
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<WarmPathBenchmarks>(config);
        if (summary.HasCriticalValidationErrors)
            throw new InvalidOperationException("BenchmarkDotNet refused the warm-path benchmarks: " +
                string.Join("; ", summary.ValidationErrors.Select(e => e.Message)));

        var sizes = new Dictionary<string, (long Item, long Event)>(StringComparer.Ordinal);
        var results = new List<WarmPathResult>();
        foreach (var report in summary.Reports)
        {
            var benchmark = report.BenchmarkCase;
            var item = (string)benchmark.Parameters["Item"];
            if (report.ResultStatistics is not { } statistics)
                throw new InvalidOperationException($"The warm-path case '{benchmark.Descriptor.WorkloadMethodDisplayInfo}' ({item}) produced no measurements.");
            if (!sizes.TryGetValue(item, out var size))
                sizes[item] = size = (WarmPathBenchmarks.BuildItem(item).Length, WarmPathBenchmarks.BuildEvent(item).Length);
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(benchmark) ?? -1;
            results.Add(new WarmPathResult(benchmark.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), benchmark.Descriptor.MethodIndex, item,
                size.Item, size.Event, statistics.Median / 1_000d, statistics.StandardError / 1_000d, allocated));
        }
        return results;
    }
}
