using System.Collections.Concurrent;

namespace ConfigRules.Framework.Rules;

/// <summary>
/// A live lookup's answers kept for a short time, by key: when many resources share one related resource (a role,
/// a web ACL), a periodic run asks the service once per related resource, while a change to it is seen by the next
/// evaluation after <paramref name="duration"/>. Failures are not kept; they propagate and the invocation is retried.
/// </summary>
public sealed class ShortLivedCache<T>(TimeSpan duration, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, T Value)> _entries = new(StringComparer.Ordinal);

    public async ValueTask<T> GetOrReadAsync(string key, Func<CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(read);
        var now = _time.GetUtcNow();
        if (_entries.TryGetValue(key, out var cached) && cached.Expires > now) return cached.Value;
        var value = await read(cancellationToken).ConfigureAwait(false);
        _entries[key] = (now + duration, value);
        return value;
    }
}
