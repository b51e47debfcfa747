namespace ConfigRules.Framework.Rules;

/// <summary>Builds a host's <see cref="RuleServices"/> from what rules declare, so hosts never list lookups by hand.</summary>
public static class RuleLookups
{
    /// <summary>The live (AWS-backed) lookups the rules declare. Building them makes no AWS call.</summary>
    public static RuleServices Live(IEnumerable<RuleDefinition> rules, LookupInfrastructure infrastructure)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var services = new RuleServices();
        foreach (var lookup in Distinct(rules)) lookup.AddLive(services, infrastructure);
        return services;
    }

    /// <summary>The offline lookups the rules declare, and the indexes to feed with items of their related types.</summary>
    public static (RuleServices Services, IReadOnlyList<IRelatedItemIndex> Indexes) Offline(IEnumerable<RuleDefinition> rules, OfflineSource source)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var services = new RuleServices();
        var indexes = Distinct(rules).Select(lookup => lookup.AddOffline(services, source)).ToList();
        return (services, indexes);
    }

    /// <summary>One implementation per service even when several rules declare it (they share IAM roles, say).</summary>
    private static IEnumerable<RuleLookup> Distinct(IEnumerable<RuleDefinition> rules) =>
        rules.SelectMany(rule => rule.Lookups).DistinctBy(lookup => lookup.Service);
}
