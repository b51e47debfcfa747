using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Framework.Tests;

/// <summary>An account held in memory, recording what the pipeline asks and posts.</summary>
internal sealed class InMemoryConfigService : IConfigService
{
    public Dictionary<ResourceKey, ConfigurationItem> Items { get; } = [];
    public List<ResourceKey> PreviouslyEvaluated { get; } = [];
    public ConcurrentQueue<IReadOnlyList<Evaluation.Evaluation>> PutBatches { get; } = new();
    public ConcurrentQueue<int> BatchGetSizes { get; } = new();
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, listing throws after yielding this many keys.</summary>
    public int? FailListingAfter { get; set; }

    /// <summary>When set, every BatchGetResourceConfig call throws.</summary>
    public bool FailBatchGets { get; set; }

    public IEnumerable<Evaluation.Evaluation> Posted => PutBatches.SelectMany(b => b);

    public void Add(ConfigurationItem item) => Items[new ResourceKey(item.ResourceType, item.ResourceId)] = item;

    public Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"GetResourceConfigHistory {resourceType} {resourceId}");
        return Task.FromResult(Items.GetValueOrDefault(new ResourceKey(resourceType, resourceId)));
    }

    public async IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue($"ListDiscoveredResources {resourceType}");
        var listed = 0;
        foreach (var key in Items.Keys.Where(k => k.ResourceType == resourceType).ToList())
        {
            await Task.Yield();
            if (listed++ == FailListingAfter) throw new InvalidOperationException("ListDiscoveredResources failed after retries.");
            yield return key;
        }
        Calls.Enqueue($"ListDiscoveredResources {resourceType} done");
    }

    public Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        if (keys.Count > 100) throw new InvalidOperationException("BatchGetResourceConfig takes at most 100 keys.");
        Calls.Enqueue("BatchGetResourceConfig");
        if (FailBatchGets) throw new InvalidOperationException("BatchGetResourceConfig failed after retries.");
        BatchGetSizes.Enqueue(keys.Count);
        IReadOnlyList<ConfigurationItem> found = keys.Where(Items.ContainsKey).Select(k => Items[k]).ToList();
        return Task.FromResult(found);
    }

    public async IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Calls.Enqueue($"GetComplianceDetailsByConfigRule {configRuleName}");
        foreach (var key in PreviouslyEvaluated)
        {
            await Task.Yield();
            yield return key;
        }
    }

    public Task PutEvaluationsAsync(IReadOnlyList<Evaluation.Evaluation> evaluations, string resultToken, CancellationToken cancellationToken)
    {
        if (evaluations.Count is 0 or > 100) throw new InvalidOperationException($"PutEvaluations takes 1 to 100 evaluations, not {evaluations.Count}.");
        if (resultToken != "token-1") throw new InvalidOperationException($"Unexpected result token {resultToken}.");
        PutBatches.Enqueue(evaluations);
        return Task.CompletedTask;
    }
}
