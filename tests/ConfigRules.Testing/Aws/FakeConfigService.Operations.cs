using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Testing.Aws;

// The awsJson1_1 operations of the fake Config service, checked against the service model's members and limits.
public sealed partial class FakeConfigService
{
    private static readonly string[] EvaluationMembers = ["ComplianceResourceType", "ComplianceResourceId", "ComplianceType", "Annotation", "OrderingTimestamp"];
    private static readonly string[] ComplianceTypes = ["COMPLIANT", "NON_COMPLIANT", "NOT_APPLICABLE", "INSUFFICIENT_DATA"];

    internal LoopbackReply Handle(string operation, LoopbackRequest request) => operation switch
    {
        "GetResourceConfigHistory" => Reply(GetResourceConfigHistory(JsonInput.Parse(request, operation,
            "resourceType", "resourceId", "laterTime", "earlierTime", "chronologicalOrder", "limit", "nextToken"))),
        "ListDiscoveredResources" => Reply(ListDiscoveredResources(JsonInput.Parse(request, operation,
            "resourceType", "resourceIds", "resourceName", "limit", "includeDeletedResources", "nextToken"))),
        "BatchGetResourceConfig" => Reply(BatchGetResourceConfig(JsonInput.Parse(request, operation, "resourceKeys"))),
        "GetComplianceDetailsByConfigRule" => Reply(GetComplianceDetails(JsonInput.Parse(request, operation,
            "ConfigRuleName", "ComplianceTypes", "Limit", "NextToken"))),
        "PutEvaluations" => Reply(PutEvaluations(JsonInput.Parse(request, operation, "Evaluations", "ResultToken", "TestMode"))),
        "StartConfigRulesEvaluation" => Reply(StartConfigRulesEvaluation(JsonInput.Parse(request, operation, "ConfigRuleNames"))),
        "DescribeConfigRules" => Reply(DescribeConfigRules(JsonInput.Parse(request, operation, "ConfigRuleNames", "NextToken", "Filters"))),
        "ListAggregateDiscoveredResources" => Reply(ListAggregateDiscoveredResources(JsonInput.Parse(request, operation,
            "ConfigurationAggregatorName", "ResourceType", "Filters", "Limit", "NextToken"))),
        "BatchGetAggregateResourceConfig" => Reply(BatchGetAggregateResourceConfig(JsonInput.Parse(request, operation,
            "ConfigurationAggregatorName", "ResourceIdentifiers"))),
        _ => throw new FakeAwsErrorException(400, "UnknownOperationException", $"The loopback Config service does not implement {operation}."),
    };

    private static LoopbackReply Reply(JsonObject body) => LoopbackReply.Json(body, WireProtocol.AwsJson);

    private JsonObject GetResourceConfigHistory(JsonInput input)
    {
        var type = input.RequiredString("resourceType");
        var id = input.RequiredString("resourceId", 1, 768);
        var limit = input.OptionalInt("limit", 0, 100) is { } l and > 0 ? l : 10;
        lock (_gate)
        {
            if (!_history.TryGetValue((type, id), out var versions))
                throw new FakeAwsErrorException(400, "ResourceNotDiscoveredException", $"Resource {id} of resourceType:{type} is unknown or has not been discovered");
            var items = new JsonArray(versions.AsEnumerable().Reverse().Take(limit).Select(v => (JsonNode)v.ToApiShape(history: true)).ToArray());
            return new JsonObject { ["configurationItems"] = items };
        }
    }

    private JsonObject ListDiscoveredResources(JsonInput input)
    {
        var type = input.RequiredString("resourceType");
        var limit = input.OptionalInt("limit", 0, 100) is { } l and > 0 ? l : 100;
        var includeDeleted = input.OptionalBool("includeDeletedResources") ?? false;
        lock (_gate)
        {
            var all = _history.Values.Select(v => v[^1])
                .Where(r => r.ResourceType == type && (includeDeleted || !r.IsDeleted))
                .OrderBy(r => r.ResourceId, StringComparer.Ordinal).ToList();
            var (page, next) = Paginate(all, input.OptionalString("nextToken"), Math.Min(limit, PageSize));
            var output = new JsonObject
            {
                ["resourceIdentifiers"] = new JsonArray(page.Select(r => (JsonNode)new JsonObject
                {
                    ["resourceType"] = r.ResourceType, ["resourceId"] = r.ResourceId, ["resourceName"] = r.ResourceName ?? r.ResourceId,
                }).ToArray()),
            };
            if (next is not null) output["nextToken"] = next;
            return output;
        }
    }

    private JsonObject BatchGetResourceConfig(JsonInput input)
    {
        var keys = input.RequiredArray("resourceKeys", 1, 100).Select(k =>
        {
            var key = JsonInput.From(k as JsonObject ?? throw new FakeAwsErrorException(400, "SerializationException", "resourceKeys members must be objects."),
                "BatchGetResourceConfig", "resourceType", "resourceId");
            return (Type: key.RequiredString("resourceType"), Id: key.RequiredString("resourceId", 1, 768));
        }).ToList();
        lock (_gate)
        {
            var unprocessed = keys.Take(_leaveUnprocessed).ToList();
            _leaveUnprocessed -= unprocessed.Count;
            var items = keys.Skip(unprocessed.Count)
                .Select(k => _history.TryGetValue(k, out var versions) ? versions[^1] : null)
                .Where(r => r is { IsDeleted: false })
                .Select(r => (JsonNode)r!.ToApiShape(history: false)).ToArray();
            var output = new JsonObject { ["baseConfigurationItems"] = new JsonArray(items) };
            if (unprocessed.Count > 0)
                output["unprocessedResourceKeys"] = new JsonArray(unprocessed.Select(k => (JsonNode)new JsonObject { ["resourceType"] = k.Type, ["resourceId"] = k.Id }).ToArray());
            return output;
        }
    }

    private JsonObject GetComplianceDetails(JsonInput input)
    {
        var rule = input.RequiredString("ConfigRuleName", 1, 64);
        var types = (input.OptionalArray("ComplianceTypes", 0, 3) ?? []).Select(t => t?.GetValue<string>() ?? string.Empty).ToList();
        foreach (var t in types.Where(t => !ComplianceTypes.Contains(t)))
            throw new FakeAwsErrorException(400, "InvalidParameterValueException", $"ComplianceTypes member '{t}' is not one of {string.Join(", ", ComplianceTypes)}.");
        var limit = input.OptionalInt("Limit", 0, 100) is { } l and > 0 ? l : 100;
        lock (_gate)
        {
            var all = ResultsOf(rule).Where(r => types.Count == 0 || types.Contains(r.Value.ComplianceType))
                .OrderBy(r => r.Key.Type, StringComparer.Ordinal).ThenBy(r => r.Key.Id, StringComparer.Ordinal).ToList();
            var (page, next) = Paginate(all, input.OptionalString("NextToken"), Math.Min(limit, PageSize));
            var output = new JsonObject
            {
                ["EvaluationResults"] = new JsonArray(page.Select(r => (JsonNode)new JsonObject
                {
                    ["EvaluationResultIdentifier"] = new JsonObject
                    {
                        ["EvaluationResultQualifier"] = new JsonObject
                        {
                            ["ConfigRuleName"] = rule, ["ResourceType"] = r.Key.Type, ["ResourceId"] = r.Key.Id, ["EvaluationMode"] = "DETECTIVE",
                        },
                        ["OrderingTimestamp"] = JsonInput.Epoch(r.Value.OrderingTimestamp),
                    },
                    ["ComplianceType"] = r.Value.ComplianceType,
                    ["ResultRecordedTime"] = JsonInput.Epoch(r.Value.OrderingTimestamp),
                    ["ConfigRuleInvokedTime"] = JsonInput.Epoch(r.Value.OrderingTimestamp),
                }).ToArray()),
            };
            if (next is not null) output["NextToken"] = next;
            return output;
        }
    }

    private JsonObject PutEvaluations(JsonInput input)
    {
        var token = input.RequiredString("ResultToken");
        var testMode = input.OptionalBool("TestMode") ?? false;
        var entries = (input.OptionalArray("Evaluations", 0, 100) ?? []).Select(ReadEvaluation).ToList();
        lock (_gate)
        {
            _resultTokens.TryGetValue(token, out var rule);
            if (rule is null && RequireRegisteredResultTokens)
                throw new FakeAwsErrorException(400, "InvalidResultTokenException", "The result token is invalid.");
            var refused = entries.Take(_refuseEvaluations).ToList();
            _refuseEvaluations -= refused.Count;
            foreach (var (node, e) in entries.Skip(refused.Count))
            {
                _accepted.Add(e with { ResultToken = token, ConfigRuleName = rule, TestMode = testMode });
                if (rule is not null && !testMode)
                    ResultsOf(rule)[(e.ResourceType, e.ResourceId)] = new StoredResult(e.ComplianceType, e.Annotation, e.OrderingTimestamp);
            }
            return new JsonObject { ["FailedEvaluations"] = new JsonArray(refused.Select(r => r.Node.DeepClone()).ToArray()) };
        }
    }

    private static (JsonNode Node, AcceptedEvaluation Evaluation) ReadEvaluation(JsonNode? node)
    {
        var entry = JsonInput.From(node as JsonObject ?? throw new FakeAwsErrorException(400, "SerializationException", "Evaluations members must be objects."),
            "PutEvaluations", EvaluationMembers);
        var complianceType = entry.RequiredString("ComplianceType");
        if (!ComplianceTypes.Contains(complianceType))
            throw new FakeAwsErrorException(400, "ValidationException", $"ComplianceType '{complianceType}' is not one of {string.Join(", ", ComplianceTypes)}.");
        if (complianceType == "INSUFFICIENT_DATA")
            throw new FakeAwsErrorException(400, "InvalidParameterValueException", "PutEvaluations accepts COMPLIANT, NON_COMPLIANT and NOT_APPLICABLE only.");
        return (node!, new AcceptedEvaluation(string.Empty, null,
            entry.RequiredString("ComplianceResourceType", 1, 256), entry.RequiredString("ComplianceResourceId", 1, 768), complianceType,
            entry.OptionalString("Annotation", 1, 256), entry.RequiredEpochSeconds("OrderingTimestamp"), false));
    }

    private JsonObject StartConfigRulesEvaluation(JsonInput input)
    {
        var names = input.RequiredArray("ConfigRuleNames", 1, 25).Select(n => n?.GetValue<string>() ?? string.Empty).ToList();
        lock (_gate)
        {
            foreach (var name in names.Where(IsUnknownRule))
                throw new FakeAwsErrorException(400, "NoSuchConfigRuleException", $"The ConfigRule '{name}' provided in the request is invalid.");
            _started.Add(names);
        }
        return new JsonObject();
    }

    /// <summary>Opaque page tokens: the offset, base64-encoded; a forged or foreign token is refused like AWS does.</summary>
    private static (List<T> Page, string? Next) Paginate<T>(List<T> all, string? token, int size)
    {
        var offset = 0;
        if (token is not null)
        {
            try
            {
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
                if (!text.StartsWith("offset:", StringComparison.Ordinal) || !int.TryParse(text[7..], out offset) || offset < 0 || offset > all.Count)
                    throw new FormatException();
            }
            catch (FormatException)
            {
                throw new FakeAwsErrorException(400, "InvalidNextTokenException", "The nextToken provided is invalid.");
            }
        }
        var page = all.Skip(offset).Take(size).ToList();
        var nextOffset = offset + page.Count;
        return (page, nextOffset < all.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes($"offset:{nextOffset}")) : null);
    }
}
