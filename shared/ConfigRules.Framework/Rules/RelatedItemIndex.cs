using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Rules;

/// <summary>Items of related types, handed over by an offline host as it reads them.</summary>
public interface IRelatedItemIndex
{
    IReadOnlyList<string> ResourceTypes { get; }

    /// <summary>The lookup interface the index answers (the <see cref="RuleLookup.Service"/> it was built for).</summary>
    Type ServiceType { get; }

    /// <summary>
    /// True when every answer the index gives is reported to <see cref="LookupReads"/> with its version, so that a
    /// host may judge an item before the whole input is read and keep the verdict when no answer changed since.
    /// </summary>
    bool ReportsReads { get; }

    /// <summary>How often the answer for <paramref name="key"/> changed (for null: how many answers were stored in all).</summary>
    long VersionOf(string? key);

    /// <summary>Keeps what the lookup needs of one item of a related type (the host filters by type first).</summary>
    void Add(ConfigurationItem item);
}

/// <summary>
/// An offline lookup: the service the rule reads and the index that feeds it. An index that calls
/// <see cref="Stored"/> for every answer it keeps and <see cref="Answered"/> or <see cref="AnsweredFromAll"/> for
/// every answer it gives says so with <see cref="ReportsReads"/>: a streaming host then judges items as they come and
/// judges again only those whose answers changed by the end of the input.
/// </summary>
/// <param name="keys">How the index compares its keys (role ARNs are case-insensitive, say); ordinal by default.</param>
public abstract class RelatedItemIndex<TService>(IReadOnlyList<string> resourceTypes, IEqualityComparer<string>? keys = null)
    : IRelatedItemIndex where TService : class
{
    private readonly Dictionary<string, long> _versions = new(keys ?? StringComparer.Ordinal);
    private long _stored;

    public IReadOnlyList<string> ResourceTypes { get; } = resourceTypes;

    public Type ServiceType => typeof(TService);

    public virtual bool ReportsReads => false;

    public abstract TService Service { get; }

    public abstract void Add(ConfigurationItem item);

    public long VersionOf(string? key) => key is null ? _stored : _versions.GetValueOrDefault(key);

    /// <summary>From <see cref="Add"/>: an answer is kept (or replaced) under <paramref name="key"/>.</summary>
    protected void Stored(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        _versions[key] = _versions.GetValueOrDefault(key) + 1;
        _stored++;
    }

    /// <summary>A lookup answered for <paramref name="key"/> alone, found or not.</summary>
    protected void Answered(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        LookupReads.Current?.Add(this, key, VersionOf(key));
    }

    /// <summary>A lookup answered from everything the index holds (a listing): any answer stored later may change it.</summary>
    protected void AnsweredFromAll() => LookupReads.Current?.Add(this, null, _stored);
}
