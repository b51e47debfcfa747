using System.Collections.Concurrent;

namespace ConfigRules.Bench.Periodic;

/// <summary>
/// Sits between the Config client and the socket: counts calls per awsJson operation (X-Amz-Target) and the
/// most requests in flight at once, which shows whether independent batches overlap and stay bounded.
/// </summary>
internal sealed class InFlightCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, int> _calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long First, long Last)> _spans = new(StringComparer.Ordinal);
    private readonly long _origin = System.Diagnostics.Stopwatch.GetTimestamp();
    private int _inFlight;
    private int _maxInFlight;

    public IReadOnlyDictionary<string, int> Calls => _calls;

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
        var now = Interlocked.Increment(ref _inFlight);
        for (var seen = Volatile.Read(ref _maxInFlight); now > seen; seen = Volatile.Read(ref _maxInFlight))
        {
            if (Interlocked.CompareExchange(ref _maxInFlight, now, seen) == seen) break;
        }
        try
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
            var ended = Elapsed();
            _spans.AddOrUpdate(operation, (started, ended), (_, span) => (Math.Min(span.First, started), Math.Max(span.Last, ended)));
        }
    }

    /// <summary>Time since this handler was made, on the clock of <see cref="Spans"/>.</summary>
    public TimeSpan Now => TimeSpan.FromTicks(Elapsed());

    private long Elapsed() => System.Diagnostics.Stopwatch.GetElapsedTime(_origin).Ticks;
}
