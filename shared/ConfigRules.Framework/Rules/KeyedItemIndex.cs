using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Rules;

/// <summary>
/// An offline lookup that is its own service: the input's items of one related type (or the resources a template
/// defines), each reduced to what the rule reads and kept by a key; a later item with the same key replaces the
/// earlier one. Deleted, not-recorded and configuration-less items are skipped here, so a rule's index only says how
/// to read one item and where an item the input lacks can be found. Bounded by the number of related resources, not
/// by the size of the input. Every answer is reported with its version (<see cref="RelatedItemIndex{TService}.ReportsReads"/>):
/// a streaming host may judge items before the input's end and judge again only those whose answers changed.
/// </summary>
public abstract class KeyedItemIndex<TService, TValue>(string resourceType, OfflineSource source, StringComparer keys)
    : RelatedItemIndex<TService>([resourceType], keys) where TService : class where TValue : class
{
    private readonly Dictionary<string, TValue> _values = new(keys);

    /// <summary>The related type the index reads, e.g. <c>AWS::IAM::Role</c>.</summary>
    public string ResourceType { get; } = resourceType;

    /// <summary>Where the items come from, so that a "not in the input" note can say where to find one.</summary>
    public OfflineSource Source { get; } = source ?? throw new ArgumentNullException(nameof(source));

    /// <summary>How many values are kept.</summary>
    public int Count => _values.Count;

    public sealed override TService Service =>
        this as TService ?? throw new InvalidOperationException($"{GetType().Name} must implement {typeof(TService).Name} to serve it.");

    public sealed override bool ReportsReads => true;

    public sealed override void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ResourceType != ResourceType || item.IsDeletedOrNotRecorded || !item.HasConfiguration) return;
        if (Read(item) is not { } entry) return;
        // The same resource recorded again as it was (another snapshot of it) changes no answer given before.
        if (_values.TryGetValue(entry.Key, out var known) && SameAnswer(known, entry.Value)) return;
        _values[entry.Key] = entry.Value;
        Stored(entry.Key);
    }

    /// <summary>Whether a value read again answers as the one kept; by default the value's own equality.</summary>
    protected virtual bool SameAnswer(TValue known, TValue read) => EqualityComparer<TValue>.Default.Equals(known, read);

    /// <summary>The key and value kept for one live item of the type, or null for an item that names nothing (no ARN).</summary>
    protected abstract (string Key, TValue Value)? Read(ConfigurationItem item);

    /// <summary>The value kept under the key, or "not in the input" with the note (only built then).</summary>
    protected LookupResult<TValue?> Find(string key, Func<string> notInInputNote)
    {
        ArgumentNullException.ThrowIfNull(notInInputNote);
        Answered(key);
        return _values.TryGetValue(key, out var value)
            ? LookupResult<TValue?>.Found(value)
            : LookupResult<TValue?>.NotInInput(notInInputNote());
    }

    /// <summary>Every value kept that matches, or "not in the input" with the note when none does.</summary>
    protected LookupResult<IReadOnlyList<TValue>> FindAll(Func<TValue, bool> match, Func<string> noneNote)
    {
        ArgumentNullException.ThrowIfNull(match);
        ArgumentNullException.ThrowIfNull(noneNote);
        AnsweredFromAll();
        var found = _values.Values.Where(match).ToList();
        return found.Count > 0
            ? LookupResult<IReadOnlyList<TValue>>.Found(found)
            : LookupResult<IReadOnlyList<TValue>>.NotInInput(noneNote());
    }

    /// <summary>Whether the items come from a template, whose notes say what only deployment can tell.</summary>
    protected bool FromTemplate => Source.Kind == OfflineSourceKind.Template;
}
