using System.Collections.Concurrent;

namespace ConfigRules.Framework.Rules;

/// <summary>
/// Values computed once per run (one Lambda invocation, one CLI run) and shared by every item of it: a periodic
/// evaluation of hundreds of functions lists the region's alarms once, not once per function, while the next run
/// reads them afresh. Concurrent callers of the same key share one computation; a failed one is forgotten, so
/// the failure propagates to its callers and a later call tries again.
/// </summary>
/// <remarks>
/// A value computed from offline indexes rests on what it read from them: the reads are kept with the value and
/// reported again to every caller that records its reads (<see cref="LookupReads"/>), so a judgement that took the
/// value from here is known to rest on them too.
/// </remarks>
public sealed class RunMemo
{
    private readonly ConcurrentDictionary<string, Entry> _values = new(StringComparer.Ordinal);

    public async Task<TValue> GetOrAddAsync<TValue>(string key, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var entry = _values.GetOrAdd(key, _ => new Entry(async reads =>
        {
            using (reads.Record()) return await compute(cancellationToken).ConfigureAwait(false);
        }));
        try
        {
            var value = (TValue)await entry.Value.Value.ConfigureAwait(false);
            LookupReads.Current?.AddRange(entry.Reads);
            return value;
        }
        catch
        {
            _values.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }

    private sealed class Entry
    {
        public Entry(Func<LookupReads, Task<object>> compute) => Value = new Lazy<Task<object>>(() => compute(Reads));

        public LookupReads Reads { get; } = new();

        public Lazy<Task<object>> Value { get; }
    }
}
