using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using ConfigRules.Framework.Evaluation;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Sdk.Testing;

/// <summary>
/// An AWS Config account held in memory: the recorded items, the resources that hold a result from earlier, and
/// every evaluation posted. It enforces the service's limits (100 keys, 1 to 100 evaluations a call), so a rule
/// host that breaks them fails here as it would in AWS.
/// </summary>
public sealed class InMemoryConfigService : IConfigService
{
    private readonly ConcurrentDictionary<ResourceKey, ConfigurationItem> _items = new();
    private readonly ConcurrentQueue<IReadOnlyList<Evaluation>> _putBatches = new();

    /// <summary>Resources that hold a COMPLIANT or NON_COMPLIANT result from an earlier run (clean-up candidates).</summary>
    public ConcurrentBag<ResourceKey> PreviouslyEvaluated { get; } = [];

    /// <summary>The batches PutEvaluations received, in order.</summary>
    public IReadOnlyList<IReadOnlyList<Evaluation>> PutBatches => [.. _putBatches];

    /// <summary>Every evaluation posted, in order.</summary>
    public IReadOnlyList<Evaluation> Posted => [.. _putBatches.SelectMany(batch => batch)];

    /// <summary>The result tokens PutEvaluations received, one per call.</summary>
    public ConcurrentQueue<string> ResultTokens { get; } = new();

    /// <summary>Records an item (replacing an earlier one of the same resource).</summary>
    public InMemoryConfigService Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _items[new ResourceKey(item.ResourceType, item.ResourceId)] = item;
        return this;
    }

    public Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken) =>
        Task.FromResult(_items.GetValueOrDefault(new ResourceKey(resourceType, resourceId)));

    public async IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var (key, item) in _items.OrderBy(pair => pair.Key.ResourceId, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (key.ResourceType != resourceType || item.IsDeletedOrNotRecorded) continue;
            await Task.Yield();
            yield return key;
        }
    }

    public Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count is 0 or > RuleInvocationPipeline.BatchSize)
            throw new InvalidOperationException($"BatchGetResourceConfig takes 1 to {RuleInvocationPipeline.BatchSize} resource keys, not {keys.Count}.");
        IReadOnlyList<ConfigurationItem> found = [.. keys.Where(_items.ContainsKey).Select(key => _items[key])];
        return Task.FromResult(found);
    }

    public async IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
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
        ResultTokens.Enqueue(resultToken);
        _putBatches.Enqueue([.. evaluations]);
        return Task.CompletedTask;
    }
}
