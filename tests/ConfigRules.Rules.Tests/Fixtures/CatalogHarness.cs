using ConfigRules.Framework.Rules;
using ConfigRules.Sdk.Testing;

namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>
/// The kit's <see cref="RuleHarness"/> as the catalog's tests use it: at one evaluation time, after the runtime
/// deprecations they judge, with the rule's lookups answered offline (as the CLI answers them) unless a test gives
/// its own.
/// </summary>
public static class CatalogHarness
{
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    public static RuleHarness HarnessFor(IConfigRule rule, RuleServices? services = null, DateTimeOffset? now = null) =>
        services is null
            ? new RuleHarness(rule, now ?? DefaultNow).WithOfflineLookups()
            : new RuleHarness(rule, now ?? DefaultNow) { Services = services };

    public static Dictionary<string, string> Params(params (string Name, string Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
}
