using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Rules;
using Microsoft.Extensions.Time.Testing;

namespace ConfigRules.Handlers.Tests.CloudFormationHook;

/// <summary>Lambda hook requests as CloudFormation sends them (contract 2.4), and a hook over fakes to answer them.</summary>
internal static class HookRequests
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);

    public static byte[] Resource(string type, JsonObject properties, string logicalId = "OrdersFunction", string action = "CREATE_PRE_PROVISION", string targetType = "RESOURCE") =>
        Request(action, new JsonObject
        {
            ["targetName"] = targetType == "RESOURCE" ? type : "orders-stack",
            ["targetType"] = targetType == "RESOURCE" ? "RESOURCE" : type,
            ["targetLogicalId"] = logicalId,
            ["targetModel"] = new JsonObject { ["resourceProperties"] = properties },
        });

    public static byte[] Stack(string payloadUrl, string action = "CREATE_PRE_PROVISION") =>
        Request(action, new JsonObject { ["targetName"] = "orders-stack", ["targetType"] = "STACK", ["payload"] = payloadUrl });

    public static byte[] ChangeSet(string payloadUrl) =>
        Request("UPDATE_PRE_PROVISION", new JsonObject { ["targetName"] = "orders-stack", ["targetType"] = "CHANGE_SET", ["payload"] = payloadUrl });

    public static byte[] Request(string action, JsonObject requestData) => System.Text.Encoding.UTF8.GetBytes(new JsonObject
    {
        ["clientRequestToken"] = "token-1",
        ["awsAccountId"] = "123456789012",
        ["stackId"] = "arn:aws:cloudformation:us-east-1:123456789012:stack/orders-stack/1",
        ["hookTypeName"] = "Private::Lambda::ConfigRules",
        ["actionInvocationPoint"] = action,
        ["requestData"] = requestData,
        ["requestContext"] = new JsonObject { ["invocation"] = 1, ["callbackContext"] = null },
    }.ToJsonString());

    /// <summary>A change set payload: each resource's afterContext is a JSON string whose numbers are strings, as CloudFormation sends it.</summary>
    public static string ChangeSetPayload(params (string Action, string LogicalId, string Type, JsonObject Properties, int Line)[] changes) =>
        new JsonObject
        {
            ["template"] = "{}",
            ["changedResources"] = new JsonArray([.. changes.Select(c => (JsonNode)new JsonObject
            {
                ["action"] = c.Action,
                ["beforeContext"] = "{}",
                ["afterContext"] = new JsonObject { ["Properties"] = c.Properties }.ToJsonString(),
                ["lineNumber"] = c.Line,
                ["logicalResourceId"] = c.LogicalId,
                ["resourceType"] = c.Type,
            })]),
        }.ToJsonString();

    public static string StackPayload(string template) => new JsonObject { ["template"] = template, ["previousTemplate"] = "" }.ToJsonString();

    public static JsonObject Function(string timeout = "30", string memory = "256", string runtime = "python3.13") => new()
    {
        ["FunctionName"] = "orders",
        ["Runtime"] = runtime,
        ["Handler"] = "orders.handler",
        ["MemorySize"] = memory,
        ["Timeout"] = timeout,
        ["Role"] = "arn:aws:iam::123456789012:role/orders-role",
        ["Code"] = new JsonObject { ["S3Bucket"] = "artifacts", ["S3Key"] = "orders.zip" },
    };

    /// <summary>The hook over the catalog's rules selected by <paramref name="rulesJson"/> (CONFIGRULES_RULES), with a fake payload URL.</summary>
    public static CloudFormationHookHandler Hook(string? rulesJson, FakePayloads? payloads = null, IExemptionSource? exemptions = null)
    {
        var rules = HookRuleSet.FromEnvironment(name => name == HookRuleSet.Variable ? rulesJson : null, RuleCatalog.All);
        var time = new FakeTimeProvider(Now);
        // The live lookups would call IAM; here they answer as offline lookups with nothing in the input.
        var judge = new HookJudge(rules, time);
        return new CloudFormationHookHandler(rules, exemptions ?? FixedExemptions.None, payloads ?? new FakePayloads(),
            new HookLookups(judge.OfflineServices([]), null, judge.OfflineServices([])), time, RuntimeLogger.Null);
    }
}

/// <summary>Presigned URLs answered from memory: a body per URL, anything else a 404.</summary>
internal sealed class FakePayloads : IPayloadFetcher
{
    private readonly Dictionary<string, string> _bodies = new(StringComparer.Ordinal);

    public FakePayloads With(string url, string body)
    {
        _bodies[url] = body;
        return this;
    }

    public Task<HookPayload> FetchAsync(string url, CancellationToken cancellationToken)
    {
        if (!_bodies.TryGetValue(url, out var body)) throw new HookInputException($"The payload URL answered 404 Not Found for {url}.");
        return Task.FromResult(JsonSerializer.Deserialize(body, HookJsonContext.Default.HookPayload)!);
    }
}
