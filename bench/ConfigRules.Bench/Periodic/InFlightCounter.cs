using System.Collections.Concurrent;

namespace ConfigRules.Bench.Periodic;

/// <summary>
/// Sits between the Config client and the socket: counts calls per awsJson operation (X-Amz-Target) and the
/// most requests in flight at once, which shows whether independent batches overlap and stay bounded. With a
/// latency, each call waits that long first, as a round trip to the regional endpoint would.
/// </summary>
internal sealed class InFlightCounter(HttpMessageHandler inner, TimeSpan latency) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long First, long Last)> _spans = new(StringComparer.Ordinal);
    private readonly long _origin = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyDictionary<string, int> Calls => _calls;

    /// <summary>The most BatchGetResourceConfig and PutEvaluations calls in flight at once.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>Per operation: from the first call's start to the last call's end, since this handler was made.</summary>
    public IReadOnlyDictionary<string, (TimeSpan From, TimeSpan To)> Spans => _spans.ToDictionary(
        s => s.Key, s => (TimeSpan.FromTicks(s.Value.First), TimeSpan.FromTicks(s.Value.Last)), StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var values) ? values.First() : "(none)";
        var operation = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
        _calls.AddOrUpdate(operation, 1, (_, n) => n + 1);
        var started = Elapsed();
        // Only a batch's own calls count towards the bound: the listing runs beside the batches.
        var isBatchCall = operation is "BatchGetResourceConfig" or "PutEvaluations";
        var now = isBatchCall ? Interlocked.Increment(ref _inFlight) : 0;
        for (var seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen) break;
        }
        try
        {
            if (latency > TimeSpan.Zero) await Task.Delay(latency, cancellationToken).ConfigureAwait(false);
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (isBatchCall) Interlocked.Decrement(ref _inFlight);
            var ended = Elapsed();
            _spans.AddOrUpdate(operation, (started, ended), (_, span) => (Math.Min(span.First, started), Math.Max(span.Last, ended)));
        }
    }

    /// <summary>Time since this handler was made, on the clock of <see cref="Spans"/>.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(Elapsed());

    private long Elapsed() => System.Diagnostics.Stopwatch.GetElapsedTime(_origin).Ticks;
}
