using System.Runtime.CompilerServices;
using ConfigRules.Aws.Protocols;
using ConfigRules.Framework.Model;

namespace ConfigRules.Aws.Config;

/// <summary>A resource as a Config aggregator knows it: the account and region it was recorded in, its type and id.</summary>
public sealed record AggregateResourceKey(string AccountId, string Region, string ResourceType, string ResourceId);

// The aggregator reads (every account and region of an aggregator: the CLI's --aggregator source). Read-only.
public sealed partial class ConfigServiceClient
{
    /// <summary>
    /// ListAggregateDiscoveredResources through every page: the aggregator's recorded resources of one type, in
    /// every source account and region. An unknown aggregator fails with NoSuchConfigurationAggregatorException.
    /// </summary>
    public async IAsyncEnumerable<AggregateResourceKey> ListAggregateDiscoveredResourcesAsync(string aggregatorName, string resourceType,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregatorName);
        ArgumentException.ThrowIfNullOrWhiteSpace(resourceType);
        string? nextToken = null;
        do
        {
            var page = await _protocol.InvokeAsync("ListAggregateDiscoveredResources",
                new ListAggregateDiscoveredResourcesInput { ConfigurationAggregatorName = aggregatorName, ResourceType = resourceType, Limit = PageSize, NextToken = nextToken },
                ConfigJsonContext.Default.ListAggregateDiscoveredResourcesInput, ConfigJsonContext.Default.ListAggregateDiscoveredResourcesOutput,
                cancellationToken).ConfigureAwait(false);
            foreach (var identifier in page.ResourceIdentifiers ?? [])
                yield return ToKey(identifier, "ListAggregateDiscoveredResources");
            nextToken = NextPageToken(page.NextToken, nextToken, "ListAggregateDiscoveredResources");
        }
        while (nextToken is not null);
    }

    /// <summary>
    /// BatchGetAggregateResourceConfig for at most 100 keys: their current configuration items (deleted resources are
    /// left out by Config). Unprocessed keys are asked again with backoff; keys still unprocessed after the retries fail
    /// the call with <see cref="Transport.IncompleteBatchException"/>, never dropped.
    /// </summary>
    public async Task<IReadOnlyList<ConfigurationItem>> BatchGetAggregateResourceConfigAsync(string aggregatorName,
        IReadOnlyList<AggregateResourceKey> keys, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(aggregatorName);
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) return [];
        if (keys.Count > MaxBatch)
            throw new ArgumentException($"BatchGetAggregateResourceConfig takes at most {MaxBatch} keys a call; {keys.Count} were given.", nameof(keys));

        var items = new List<ConfigurationItem>(keys.Count);
        await SendUntilDoneAsync(new BatchRetry<AggregateResourceIdentifierShape>("BatchGetAggregateResourceConfig", "UnprocessedResourceIdentifiers",
                left => $"left {left} of {keys.Count} resource identifiers unprocessed",
                k => $"{k.SourceAccountId}/{k.SourceRegion}/{k.ResourceType}/{k.ResourceId}"),
            [.. keys.Select(ToShape)],
            async (pending, token) =>
            {
                var output = await _protocol.InvokeAsync("BatchGetAggregateResourceConfig",
                    new BatchGetAggregateResourceConfigInput { ConfigurationAggregatorName = aggregatorName, ResourceIdentifiers = pending },
                    ConfigJsonContext.Default.BatchGetAggregateResourceConfigInput, ConfigJsonContext.Default.BatchGetAggregateResourceConfigOutput,
                    token).ConfigureAwait(false);
                items.AddRange((output.BaseConfigurationItems ?? []).Select(document => ConfigurationItemMapper.FromDocument(document)));
                return output.UnprocessedResourceIdentifiers ?? [];
            }, cancellationToken).ConfigureAwait(false);
        return items;
    }

    private static AggregateResourceIdentifierShape ToShape(AggregateResourceKey key) => new()
    {
        SourceAccountId = key.AccountId, SourceRegion = key.Region, ResourceType = key.ResourceType, ResourceId = key.ResourceId,
    };

    private static AggregateResourceKey ToKey(AggregateResourceIdentifierShape identifier, string operation) =>
        identifier is { SourceAccountId: { } account, SourceRegion: { } region, ResourceType: { } type, ResourceId: { } id }
            ? new AggregateResourceKey(account, region, type, id)
            : throw new AwsProtocolException($"Config {operation} returned a resource identifier without SourceAccountId, SourceRegion, ResourceType or ResourceId.");
}
