using System.Text.Json;
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

    /// <summary>Hands an item of a related type to every index that wants it; other items are ignored.</summary>
    public void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (!_byType.TryGetValue(item.ResourceType, out var indexes)) return;
        foreach (var index in indexes) index.Add(item);
    }

    /// <summary>
    /// A cheap test on raw JSON before parsing: only items whose top-level <c>resourceType</c> is a related type can
    /// be related items. Only the item's own properties are looked at (nested values are skipped unread), because
    /// every function names its role in <c>relationships</c>: a text search would let each of them through.
    /// </summary>
    public bool MayBeRelated(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return true; // the parser says what is wrong
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResourceType = IsResourceTypeName(ref reader);
                if (!reader.Read()) return true;
                // Escaped text cannot be compared byte for byte: let the parser decide.
                if (isResourceType && reader.TokenType == JsonTokenType.String &&
                    (reader.ValueIsEscaped || _byType.ContainsKey(reader.GetString()!))) return true;
                reader.Skip(); // nested values unread; a no-op on a string or number
            }
            return false;
        }
        catch (JsonException)
        {
            return true; // broken JSON is parsed, and reported, by the evaluation pass
        }
    }

    /// <summary>The mapper matches property names case-insensitively, so this does too; escaped names go to the parser.</summary>
    private static bool IsResourceTypeName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || System.Text.Ascii.EqualsIgnoreCase(reader.ValueSpan, "resourceType"u8);
}
