using ConfigRules.Framework.Events;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Serving;

namespace ConfigRules.Hosting;

/// <summary>
/// The entry point of a rule bootstrap: one handler per rule (the handler name is the rule id), any further
/// handlers the caller registers, served by the custom runtime. A bootstrap's <c>Program.cs</c> is one line:
/// <code>return await RuleHost.RunAsync([new MyRule()]);</code>
/// </summary>
public static class RuleHost
{
    /// <summary>The runtime's options for rule hosts: framework failures are reported by their own errorType.</summary>
    public static RuntimeOptions Options { get; } = new() { KnownErrorType = KnownErrorType };

    public static Task<int> RunAsync(IEnumerable<IConfigRule> rules, Action<HandlerTable>? registerMore = null) =>
        LambdaHost.RunAsync(Handlers(rules, registerMore), Options);

    /// <summary>The handler table: the rules (composed with <see cref="RuleComposition.Create"/> at init), then the rest.</summary>
    public static HandlerTable Handlers(
        IEnumerable<IConfigRule> rules,
        Action<HandlerTable>? registerMore = null,
        Func<IConfigRule, HandlerInitContext, RuleDependencies>? dependencies = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var all = rules.ToList();
        // An exemptions document may name any rule the bootstrap serves, whichever one a function runs.
        var catalog = ExemptionCatalog.FromDefinitions(all.Select(rule => rule.Definition));
        dependencies ??= (rule, context) => RuleComposition.Create(rule, context, catalog);
        var table = new HandlerTable();
        foreach (var rule in all)
            table.Add(rule.Definition.Id, RuleHandler.For(rule, dependencies));
        registerMore?.Invoke(table);
        return table;
    }

    /// <summary>A <see cref="ConfigRulesException"/> is an expected failure: its errorType, no stack trace.</summary>
    public static string? KnownErrorType(Exception exception) => (exception as ConfigRulesException)?.ErrorType;
}
