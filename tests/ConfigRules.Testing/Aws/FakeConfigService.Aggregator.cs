using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

// The aggregator reads of the fake Config service: resources of several accounts and regions behind a named aggregator.
public sealed partial class FakeConfigService
{
    private readonly Dictionary<string, List<FakeResource>> _aggregators = new(StringComparer.Ordinal);
    private int _leaveAggregateUnprocessed;

    /// <summary>Creates the aggregator (when new) and records a resource of one of its source accounts and regions.</summary>
    public void PutAggregated(string aggregatorName, FakeResource resource)
    {
        lock (_gate)
        {
            if (!_aggregators.TryGetValue(aggregatorName, out var resources)) _aggregators[aggregatorName] = resources = [];
            resources.RemoveAll(r => Same(r, resource.AccountId, resource.AwsRegion, resource.ResourceType, resource.ResourceId));
            resources.Add(resource);
        }
    }

    /// <summary>The next BatchGetAggregateResourceConfig calls leave this many identifiers unprocessed (in total).</summary>
    public void LeaveNextAggregateIdentifiersUnprocessed(int count)
    {
        lock (_gate) _leaveAggregateUnprocessed += count;
    }

    private JsonObject ListAggregateDiscoveredResources(JsonInput input)
    {
        var aggregator = input.RequiredString("ConfigurationAggregatorName", 1, 256);
        var type = input.RequiredString("ResourceType");
        var limit = input.OptionalInt("Limit", 0, 100) is { } l and > 0 ? l : 100;
        lock (_gate)
        {
            var all = Aggregator(aggregator).Where(r => r.ResourceType == type && !r.IsDeleted)
                .OrderBy(r => r.AccountId, StringComparer.Ordinal).ThenBy(r => r.AwsRegion, StringComparer.Ordinal)
                .ThenBy(r => r.ResourceId, StringComparer.Ordinal).ToList();
            var (page, next) = Paginate(all, input.OptionalString("NextToken"), Math.Min(limit, PageSize));
            var output = new JsonObject { ["ResourceIdentifiers"] = new JsonArray(page.Select(r => (JsonNode)Identifier(r)).ToArray()) };
            if (next is not null) output["NextToken"] = next;
            return output;
        }
    }

    private JsonObject BatchGetAggregateResourceConfig(JsonInput input)
    {
        var aggregator = input.RequiredString("ConfigurationAggregatorName", 1, 256);
        var keys = input.RequiredArray("ResourceIdentifiers", 1, 100).Select(k =>
        {
            var key = JsonInput.From(k as JsonObject ?? throw new FakeAwsErrorException(400, "SerializationException", "ResourceIdentifiers members must be objects."),
                "BatchGetAggregateResourceConfig", "SourceAccountId", "SourceRegion", "ResourceId", "ResourceType", "ResourceName");
            return (Account: key.RequiredString("SourceAccountId", 12, 12), Region: key.RequiredString("SourceRegion", 1, 64),
                Type: key.RequiredString("ResourceType"), Id: key.RequiredString("ResourceId", 1, 768));
        }).ToList();
        lock (_gate)
        {
            var resources = Aggregator(aggregator);
            var unprocessed = keys.Take(_leaveAggregateUnprocessed).ToList();
            _leaveAggregateUnprocessed -= unprocessed.Count;
            var items = keys.Skip(unprocessed.Count)
                .Select(k => resources.FirstOrDefault(r => Same(r, k.Account, k.Region, k.Type, k.Id)))
                .Where(r => r is { IsDeleted: false })
                .Select(r => (JsonNode)r!.ToApiShape(history: false)).ToArray();
            var output = new JsonObject { ["BaseConfigurationItems"] = new JsonArray(items) };
            if (unprocessed.Count > 0)
                output["UnprocessedResourceIdentifiers"] = new JsonArray(unprocessed.Select(k => (JsonNode)new JsonObject
                {
                    ["SourceAccountId"] = k.Account, ["SourceRegion"] = k.Region, ["ResourceType"] = k.Type, ["ResourceId"] = k.Id,
                }).ToArray());
            return output;
        }
    }

    private List<FakeResource> Aggregator(string name) => _aggregators.TryGetValue(name, out var resources)
        ? resources
        : throw new FakeAwsErrorException(400, "NoSuchConfigurationAggregatorException",
            $"The configuration aggregator '{name}' does not exist. Check the aggregator name and try again.");

    private static JsonObject Identifier(FakeResource r) => new()
    {
        ["SourceAccountId"] = r.AccountId, ["SourceRegion"] = r.AwsRegion, ["ResourceId"] = r.ResourceId,
        ["ResourceType"] = r.ResourceType, ["ResourceName"] = r.ResourceName ?? r.ResourceId,
    };

    private static bool Same(FakeResource r, string account, string region, string type, string id) =>
        r.AccountId == account && r.AwsRegion == region && r.ResourceType == type && r.ResourceId == id;
}
