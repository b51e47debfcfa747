using ConfigRules.Framework.Model;

namespace ConfigRules.Framework.Pipeline;

/// <summary>A recorded resource's identity.</summary>
public sealed record ResourceKey(string ResourceType, string ResourceId);

/// <summary>
/// The AWS Config operations the pipeline needs. The wire layer implements it with signed awsJson1_1 calls;
/// tests implement it in memory. Implementations retry transient faults themselves and throw when they give up.
/// </summary>
public interface IConfigService
{
    /// <summary>The newest item of a resource (GetResourceConfigHistory, limit 1), or null when Config has none.</summary>
    Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken);

    /// <summary>Every recorded, not deleted resource of a type (ListDiscoveredResources, all pages).</summary>
    IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, CancellationToken cancellationToken);

    /// <summary>
    /// The current items of at most 100 resources (BatchGetResourceConfig), unprocessed keys retried.
    /// Resources Config no longer has are absent from the result.
    /// </summary>
    Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken);

    /// <summary>Resources that hold a COMPLIANT or NON_COMPLIANT result of the rule (GetComplianceDetailsByConfigRule, all pages).</summary>
    IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, CancellationToken cancellationToken);

    /// <summary>
    /// Posts at most 100 evaluations (PutEvaluations), retrying any FailedEvaluations; throws when some are
    /// still refused, so that nothing is dropped silently.
    /// </summary>
    Task PutEvaluationsAsync(IReadOnlyList<Evaluation.Evaluation> evaluations, string resultToken, CancellationToken cancellationToken);
}
