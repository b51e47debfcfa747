using ConfigRules.Cli.Selection;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// The offline lookups of the selected rules, as their definitions declare them, and the indexes that answer them
/// from items of the related types (IAM roles, ...) in the same input. Nothing here names a rule or a type: what
/// is collected follows from <see cref="RuleDefinition.Lookups"/>.
/// </summary>
public sealed class RelatedItems
{
    private readonly Dictionary<string, List<IRelatedItemIndex>> _byType = new(StringComparer.Ordinal);

    public RelatedItems(IEnumerable<SelectedRule> rules, OfflineSource source)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var (services, indexes) = RuleLookups.Offline(rules.Select(rule => rule.Definition), source);
        Services = services;
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

    public IReadOnlyCollection<string> ResourceTypes => _byType.Keys;

    /// <summary>
    /// Hands an item of a related type to every index that wants it; other items are ignored. Safe from several
    /// threads (the indexes are fed one item at a time); the lookups read the indexes only once all are fed.
    /// The item's JSON is released once it is judged: an index keeps the values it needs, never the item's JsonElements.
    /// </summary>
    public void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_byType.TryGetValue(item.ResourceType, out var indexes)) return;
        lock (_byType)
        {
            foreach (var index in indexes) index.Add(item);
        }
    }
}
