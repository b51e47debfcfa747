using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// An AWS Config account held in memory: the recorded items, the resources that hold a result from earlier, and
/// every evaluation posted. It enforces the service's limits (1 to 100 keys or evaluations a call, a rule name of
/// 1 to 64 characters for its stored results, resource types of 1 to 256 and ids of 1 to 768 characters), so a
/// rule host that breaks them fails here as it would in AWS. <see cref="Calls"/> records what was asked, in order;
/// <see cref="ListingFailsAfter"/> and <see cref="BatchGetsFail"/> make the service fail as a call does once its
/// retries are spent.
/// </summary>
public sealed class InMemoryConfigService : IConfigService
{
    private readonly ConcurrentDictionary<ResourceKey, ConfigurationItem> _items = new();
    private readonly ConcurrentQueue<IReadOnlyList<Evaluation>> _putBatches = new();
    private readonly ConcurrentQueue<string> _calls = new();

    /// <summary>Resources that hold a COMPLIANT or NON_COMPLIANT result from an earlier run (clean-up candidates).</summary>
    public ConcurrentBag<ResourceKey> PreviouslyEvaluated { get; } = [];

    /// <summary>The batches PutEvaluations received, in order.</summary>
    public IReadOnlyList<IReadOnlyList<Evaluation>> PutBatches => [.. _putBatches];

    /// <summary>Every evaluation posted, in order.</summary>
    public IReadOnlyList<Evaluation> Posted => [.. _putBatches.SelectMany(batch => batch)];

    /// <summary>The result tokens PutEvaluations received, one per call.</summary>
    public ConcurrentQueue<string> ResultTokens { get; } = new();

    /// <summary>
    /// The reads asked of the account, in order, each as the operation and what it named:
    /// <c>GetResourceConfigHistory {type} {id}</c>, <c>ListDiscoveredResources {type}</c> (and
    /// <c>ListDiscoveredResources {type} done</c> once the last key is listed), <c>BatchGetResourceConfig {key count}</c>,
    /// <c>GetComplianceDetailsByConfigRule {rule name}</c>.
    /// </summary>
    public IReadOnlyList<string> Calls => [.. _calls];

    /// <summary>When set, PutEvaluations refuses any other result token, as Config refuses one of another invocation.</summary>
    public string? ExpectedResultToken { get; set; }

    /// <summary>When set, a listing throws after it has yielded this many keys.</summary>
    public int? ListingFailsAfter { get; set; }

    /// <summary>When true, every BatchGetResourceConfig call throws.</summary>
    public bool BatchGetsFail { get; set; }

    /// <summary>Records an item (replacing an earlier one of the same resource).</summary>
    public InMemoryConfigService Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items[new ResourceKey(item.ResourceType, item.ResourceId)] = item;
        return this;
    }

    public Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        _calls.Enqueue($"GetResourceConfigHistory {resourceType} {resourceId}");
        return Task.FromResult(_items.GetValueOrDefault(new ResourceKey(resourceType, resourceId)));
    }

    public async IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _calls.Enqueue($"ListDiscoveredResources {resourceType}");
        var listed = 0;
        foreach (var (key, item) in _items.OrderBy(pair => pair.Key.ResourceId, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (key.ResourceType != resourceType || item.IsDeletedOrNotRecorded) continue;
            await Task.Yield();
            if (listed++ == ListingFailsAfter) throw new InvalidOperationException($"ListDiscoveredResources failed after retries ({ListingFailsAfter} keys listed).");
            yield return key;
        }
        _calls.Enqueue($"ListDiscoveredResources {resourceType} done");
    }

    public Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > RuleInvocationPipeline.BatchSize)
            throw new InvalidOperationException($"BatchGetResourceConfig takes 1 to {RuleInvocationPipeline.BatchSize} resource keys, not {keys.Count}.");
        _calls.Enqueue($"BatchGetResourceConfig {keys.Count}");
        if (BatchGetsFail) throw new InvalidOperationException("BatchGetResourceConfig failed after retries.");
        IReadOnlyList<ConfigurationItem> found = [.. keys.Where(_items.ContainsKey).Select(key => _items[key])];
        return Task.FromResult(found);
    }

    public async IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configRuleName);
        // GetComplianceDetailsByConfigRule takes a shorter name than the rule itself may have (service model: 1 to 64).
        if (configRuleName.Length is 0 or > 64)
            throw new InvalidOperationException($"GetComplianceDetailsByConfigRule takes a rule name of 1 to 64 characters, not {configRuleName.Length}.");
        _calls.Enqueue($"GetComplianceDetailsByConfigRule {configRuleName}");
        foreach (var key in PreviouslyEvaluated)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await Task.Yield();
            yield return key;
        }
    }

    public Task PutEvaluationsAsync(IReadOnlyList<Evaluation> evaluations, string resultToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        if (evaluations.Count is 0 or > RuleInvocationPipeline.BatchSize)
            throw new InvalidOperationException($"PutEvaluations takes 1 to {RuleInvocationPipeline.BatchSize} evaluations, not {evaluations.Count}.");
        if (ExpectedResultToken is not null && resultToken != ExpectedResultToken)
            throw new InvalidOperationException($"PutEvaluations takes this invocation's result token {ExpectedResultToken}, not {resultToken}.");
        foreach (var evaluation in evaluations)
        {
            if (evaluation.ComplianceResourceType.Length is 0 or > 256 || evaluation.ComplianceResourceId.Length is 0 or > 768)
                throw new InvalidOperationException(
                    $"PutEvaluations takes resource types of 1 to 256 and ids of 1 to 768 characters, not {evaluation.ComplianceResourceType.Length} and {evaluation.ComplianceResourceId.Length}.");
        }
        ResultTokens.Enqueue(resultToken);
        _putBatches.Enqueue([.. evaluations]);
        return Task.CompletedTask;
    }
}
