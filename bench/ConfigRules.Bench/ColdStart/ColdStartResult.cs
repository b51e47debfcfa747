namespace ConfigRules.Bench.ColdStart;

/// <summary>Cold starts of one build: process start to the first evaluation accepted and the invocation answered.</summary>
public sealed record ColdStartSeries(string Build, string Command, IReadOnlyList<TimeSpan> Samples, long SizeBytes, string SizeWhat)
{
    private IReadOnlyList<TimeSpan> Sorted => [.. Samples.Order()];

    public TimeSpan Median => Sorted[Sorted.Count / 2];
    public TimeSpan Min => Sorted[0];
    public TimeSpan Max => Sorted[^1];
}

public sealed record ColdStartResult(ColdStartSeries Aot, ColdStartSeries Jit)
{
    /// <summary>How many times faster the AOT bootstrap reaches its first answer (JIT median / AOT median).</summary>
    public double Speedup => Jit.Median.TotalMilliseconds / Aot.Median.TotalMilliseconds;

    /// <summary>A Python rule doing the same kind of work, run side by side; null when no interpreter was found (see <see cref="PythonMissing"/>).</summary>
    public ColdStartSeries? Python { get; init; }

    public string? PythonMissing { get; init; }

    /// <summary>Python median / AOT median.</summary>
    public double? PythonRatio => Python is { } python ? python.Median.TotalMilliseconds / Aot.Median.TotalMilliseconds : null;
}
