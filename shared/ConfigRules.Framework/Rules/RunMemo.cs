using System.Collections.Concurrent;

namespace ConfigRules.Framework.Rules;

/// <summary>
/// Values computed once per run (one Lambda invocation, one CLI run) and shared by every item of it: a periodic
/// evaluation of hundreds of functions lists the region's alarms once, not once per function, while the next run
/// reads them afresh. Concurrent callers of the same key share one computation; a failed one is forgotten, so
/// the failure propagates to its callers and a later call tries again.
/// </summary>
public sealed class RunMemo
{
    private readonly ConcurrentDictionary<string, Lazy<Task<object>>> _values = new(StringComparer.Ordinal);

    public async Task<TValue> GetOrAddAsync<TValue>(string key, Func<CancellationToken, Task<TValue>> compute, CancellationToken cancellationToken)
        where TValue : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(compute);
        var entry = _values.GetOrAdd(key, _ => new Lazy<Task<object>>(async () => await compute(cancellationToken).ConfigureAwait(false)));
        try
        {
            return (TValue)await entry.Value.ConfigureAwait(false);
        }
        catch
        {
            _values.TryRemove(KeyValuePair.Create(key, entry));
            throw;
        }
    }
}
