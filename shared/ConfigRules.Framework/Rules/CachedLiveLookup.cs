namespace ConfigRules.Framework.Rules;

/// <summary>
/// A live lookup through one AWS client whose answers are kept for <see cref="CacheDuration"/> by key (see
/// <see cref="ShortLivedCache{T}"/>): many resources share one related resource (a role, a web ACL), so a periodic
/// run asks the service once per related resource, and a change to it is seen by the next evaluation after that.
/// Failures are not kept; they propagate and the invocation is retried.
/// </summary>
public abstract class CachedLiveLookup<TClient, TValue> where TClient : class
{
    public static readonly TimeSpan CacheDuration = TimeSpan.FromMinutes(1);

    private readonly ShortLivedCache<TValue> _cache;

    protected CachedLiveLookup(TClient client, TimeProvider? time)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
        _cache = new(CacheDuration, time);
    }

    protected TClient Client { get; }

    /// <summary>The answer kept for the key, else <paramref name="read"/>'s, kept from now on.</summary>
    protected ValueTask<TValue> CachedAsync(string key, Func<CancellationToken, Task<TValue>> read, CancellationToken cancellationToken) =>
        _cache.GetOrReadAsync(key, read, cancellationToken);
}
