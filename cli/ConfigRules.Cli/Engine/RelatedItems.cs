using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// The offline lookups of the selected rules, as their definitions declare them, and the indexes that answer them
/// from items of the related types (IAM roles, ...) in the same input. Nothing here names a rule or a type: what
/// is collected follows from <see cref="RuleDefinition.Lookups"/>.
/// </summary>
/// <remarks>
/// Workers feed the indexes while others may read them to judge ahead (<see cref="ReadingAhead"/>): writes take the
/// lock alone, reads share it. Related items are few (roles, web ACLs, alarms, trails), so readers rarely wait.
/// </remarks>
public sealed class RelatedItems : IDisposable
{
    private readonly Dictionary<string, List<IRelatedItemIndex>> _byType = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IRelatedItemIndex> _indexes;
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);

    public RelatedItems(IEnumerable<SelectedRule> rules, OfflineSource source)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (services, indexes) = RuleLookups.Offline(rules.Select(rule => rule.Definition), source);
        Services = services;
        _indexes = indexes;
        foreach (var index in indexes)
        {
            foreach (var type in index.ResourceTypes)
            {
                if (!_byType.TryGetValue(type, out var list)) _byType[type] = list = [];
                list.Add(index);
            }
        }
    }

    public RuleServices Services { get; }

    /// <summary>Whether any selected rule reads related items at all (if not, no pass collects them).</summary>
    public bool Any => _byType.Count > 0;

    /// <summary>How many related items were handed over so far: what a value computed from the indexes was computed at.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    private long _generation;

    public IReadOnlyCollection<string> ResourceTypes => _byType.Keys;

    /// <summary>The indexes, by a number that stands for each in a record of reads (<see cref="IndexNumber"/>).</summary>
    public IReadOnlyList<IRelatedItemIndex> Indexes => _indexes;

    public int IndexNumber(IRelatedItemIndex index)
    {
        for (var number = 0; number < _indexes.Count; number++)
        {
            if (ReferenceEquals(_indexes[number], index)) return number;
        }
        throw new ArgumentException("The index is not one of this input's.", nameof(index));
    }

    /// <summary>
    /// Whether <paramref name="rule"/> may judge an item before the input is read to its end: every index it reads
    /// reports its reads, so a verdict whose answers changed later can be told and judged again.
    /// </summary>
    public bool CanJudgeAhead(RuleDefinition rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Lookups.All(lookup => _indexes.FirstOrDefault(index => index.ServiceType == lookup.Service) is not { } index || index.ReportsReads);
    }

    /// <summary>
    /// Hands an item of a related type to every index that wants it; other items are ignored. Safe from several
    /// threads. The item's JSON is released once it is judged: an index keeps the values it needs, never the item's JsonElements.
    /// </summary>
    public void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_byType.TryGetValue(item.ResourceType, out var indexes)) return;
        _lock.EnterWriteLock();
        try
        {
            foreach (var index in indexes) index.Add(item);
            Interlocked.Increment(ref _generation);
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <summary>Holds the indexes still while a rule reads them before the input's end; dispose on the same thread.</summary>
    public ReadScope ReadingAhead()
    {
        _lock.EnterReadLock();
        return new ReadScope(_lock);
    }

    public void Dispose() => _lock.Dispose();

    public readonly struct ReadScope(ReaderWriterLockSlim held) : IDisposable
    {
        public void Dispose() => held.ExitReadLock();
    }
}
