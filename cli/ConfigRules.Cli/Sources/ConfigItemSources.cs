using System.Runtime.CompilerServices;
using ConfigRules.Aws.Config;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Cli.Sources;

/// <summary>Configuration items read from AWS Config, type by type, a hundred at a time. Read-only calls only.</summary>
public interface IConfigItemSource
{
    /// <summary>What messages call the source: "AWS Config in us-east-1", "aggregator org-view".</summary>
    string Name { get; }

    /// <summary>The current items of these resource types (deleted resources are left out, as Config lists them).</summary>
    IAsyncEnumerable<ConfigurationItem> ReadAsync(IEnumerable<string> resourceTypes, CancellationToken cancellationToken);
}

internal static class ReadItems
{
    /// <summary>
    /// Where a finding came from, as reports show it: the resource's ARN, which names its account and region (an
    /// aggregator's items span many) and is a URI SARIF can carry.
    /// </summary>
    public static ConfigurationItem Located(ConfigurationItem item) =>
        item.Arn is { Length: > 0 } arn ? item with { Source = new SourceLocation(arn, null) } : item;
}

/// <summary>
/// <c>--live</c>: the account's recorded resources in one region, ListDiscoveredResources (every page) then
/// BatchGetResourceConfig for each hundred keys (unprocessed keys asked again by the client).
/// </summary>
public sealed class LiveConfigItems(ConfigServiceClient config, string region) : IConfigItemSource
{
    public string Name => $"AWS Config in {region}";

    public async IAsyncEnumerable<ConfigurationItem> ReadAsync(IEnumerable<string> resourceTypes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in resourceTypes)
        {
            var keys = new List<ResourceKey>(ConfigServiceClient.MaxBatch);
            await foreach (var key in config.ListDiscoveredResourcesAsync(type, cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
                if (keys.Count < ConfigServiceClient.MaxBatch) continue;
                foreach (var item in await config.BatchGetResourceConfigAsync(keys, cancellationToken).ConfigureAwait(false)) yield return ReadItems.Located(item);
                keys.Clear();
            }
            foreach (var item in await config.BatchGetResourceConfigAsync(keys, cancellationToken).ConfigureAwait(false)) yield return ReadItems.Located(item);
        }
    }
}

/// <summary>
/// <c>--aggregator NAME</c>: every source account and region of a Config aggregator, ListAggregateDiscoveredResources
/// (every page) then BatchGetAggregateResourceConfig for each hundred identifiers.
/// </summary>
public sealed class AggregatedConfigItems(ConfigServiceClient config, string aggregatorName) : IConfigItemSource
{
    public string Name => $"aggregator {aggregatorName}";

    public async IAsyncEnumerable<ConfigurationItem> ReadAsync(IEnumerable<string> resourceTypes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var type in resourceTypes)
        {
            var keys = new List<AggregateResourceKey>(ConfigServiceClient.MaxBatch);
            await foreach (var key in config.ListAggregateDiscoveredResourcesAsync(aggregatorName, type, cancellationToken).ConfigureAwait(false))
            {
                keys.Add(key);
                if (keys.Count < ConfigServiceClient.MaxBatch) continue;
                foreach (var item in await config.BatchGetAggregateResourceConfigAsync(aggregatorName, keys, cancellationToken).ConfigureAwait(false)) yield return ReadItems.Located(item);
                keys.Clear();
            }
            foreach (var item in await config.BatchGetAggregateResourceConfigAsync(aggregatorName, keys, cancellationToken).ConfigureAwait(false)) yield return ReadItems.Located(item);
        }
    }
}
