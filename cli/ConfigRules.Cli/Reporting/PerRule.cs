using ConfigRules.Cli.Selection;

namespace ConfigRules.Cli.Reporting;

/// <summary>
/// A report's state for each selected rule, in selection order (the order the report lists them in) and found by
/// rule id as findings arrive in any order.
/// </summary>
internal sealed class PerRule<T>(Func<SelectedRule, T> create)
{
    private readonly List<T> _inOrder = [];
    private readonly Dictionary<string, T> _byId = new(StringComparer.Ordinal);

    public IReadOnlyList<T> InOrder => _inOrder;

    public void Begin(IReadOnlyList<SelectedRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var rule in rules)
        {
            var state = create(rule);
            _inOrder.Add(state);
            _byId[rule.Id] = state;
        }
    }

    public T this[string ruleId] => _byId[ruleId];
}
