using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Handlers.CloudFormationHook;
using ConfigRules.LambdaRuntime.Logging;
using ConfigRules.Rules;

namespace ConfigRules.Bench.Hook;

/// <summary>One kind of hook request: its decision times over the measured iterations, and the worst as a share of the budget.</summary>
public sealed record HookDecisionResult(string Case, int Resources, int Annotations, int Iterations, TimeSpan Median, TimeSpan Max)
{
    /// <summary>CloudFormation waits at most 30 seconds for a Lambda hook's answer.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(30);

    public double MedianShareOfBudget => Median / Budget;
    public double MaxShareOfBudget => Max / Budget;
}

/// <summary>
/// The hook's decision, in process, with every rule of the catalog at its defaults (CONFIGRULES_RULES unset): a warm
/// RESOURCE request (one function), and a STACK request whose template has 500 resources (SAM functions, plain
/// functions and REST APIs), its payload served from memory so that only the hook's own work is timed.
/// </summary>
public static class HookDecisionRunner
{
    public const int StackResources = 500;
    private const string PayloadUrl = "https://payloads.example/stack";

    public static IReadOnlyList<HookDecisionResult> Run(int iterations)
    {
        var template = StackTemplate(StackResources);
        var hook = Hook(new MemoryPayloads(PayloadUrl, StackPayload(template)));
        return
        [
            Measure("RESOURCE, warm (one AWS::Lambda::Function)", 1, hook, ResourceRequest(), iterations),
            Measure($"STACK ({StackResources} resources, SAM included)", StackResources, hook, StackRequest(), iterations),
        ];
    }

    private static HookDecisionResult Measure(string name, int resources, CloudFormationHookHandler hook, byte[] request, int iterations)
    {
        // The first request pays for JIT and the rules' first use; a warm function has already served one.
        var first = hook.HandleAsync(request, CancellationToken.None).GetAwaiter().GetResult();
        if (first.ErrorCode == HookResponse.InternalFailure)
            throw new InvalidOperationException($"The hook could not judge the bench's {name} request: {first.Message}");
        var times = new List<TimeSpan>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            hook.HandleAsync(request, CancellationToken.None).GetAwaiter().GetResult();
            times.Add(Stopwatch.GetElapsedTime(started));
        }
        times.Sort();
        return new HookDecisionResult(name, resources, first.Annotations.Count, iterations, times[times.Count / 2], times[^1]);
    }

    private static CloudFormationHookHandler Hook(IPayloadFetcher payloads)
    {
        var rules = HookRuleSet.FromEnvironment(_ => null, RuleCatalog.All);
        var time = TimeProvider.System;
        // What a template names by ARN is judged without calls: the bench measures the hook, not IAM.
        var offline = new HookJudge(rules, time).OfflineServices([]);
        return new CloudFormationHookHandler(rules, FixedExemptions.None, payloads, new HookLookups(offline, null, offline), time, RuntimeLogger.Null);
    }

    /// <summary>A RESOURCE request for one AWS::Lambda::Function, as CloudFormation sends it before provisioning.</summary>
    public static byte[] ResourceRequest() => Request(new JsonObject
    {
        ["targetName"] = "AWS::Lambda::Function",
        ["targetType"] = "RESOURCE",
        ["targetLogicalId"] = "OrdersFunction",
        ["targetModel"] = new JsonObject
        {
            ["resourceProperties"] = new JsonObject
            {
                ["FunctionName"] = "orders", ["Runtime"] = "python3.13", ["Handler"] = "orders.handler", ["MemorySize"] = "512",
                ["Timeout"] = "30", ["Role"] = "arn:aws:iam::123456789012:role/orders-role", ["ReservedConcurrentExecutions"] = "10",
                ["Code"] = new JsonObject { ["S3Bucket"] = "artifacts", ["S3Key"] = "orders.zip" },
            },
        },
    });

    /// <summary>A STACK request whose template CloudFormation serves at the presigned <paramref name="payloadUrl"/>.</summary>
    public static byte[] StackRequest(string payloadUrl = PayloadUrl) => Request(new JsonObject { ["targetName"] = "orders-stack", ["targetType"] = "STACK", ["payload"] = payloadUrl });

    /// <summary>The STACK payload's body: the template, and no previous one (a new stack).</summary>
    public static string StackPayload(string template) => new JsonObject { ["template"] = template, ["previousTemplate"] = "" }.ToJsonString();

    private static byte[] Request(JsonObject requestData) => Encoding.UTF8.GetBytes(new JsonObject
    {
        ["clientRequestToken"] = "bench",
        ["awsAccountId"] = "123456789012",
        ["actionInvocationPoint"] = "CREATE_PRE_PROVISION",
        ["requestData"] = requestData,
    }.ToJsonString());

    /// <summary>A SAM template of <paramref name="count"/> resources: a third each SAM functions (with Globals), plain functions and REST APIs.</summary>
    public static string StackTemplate(int count)
    {
        var text = new StringBuilder("Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Runtime: python3.13\n    Timeout: 30\n    MemorySize: 512\nResources:\n");
        for (var i = 0; i < count; i++)
        {
            text.Append((i % 3) switch
            {
                0 => $"  Sam{i:D3}:\n    Type: AWS::Serverless::Function\n    Properties: {{Handler: app.handler, CodeUri: src/, Role: arn:aws:iam::123456789012:role/app-{i}}}\n",
                1 => $"  Plain{i:D3}:\n    Type: AWS::Lambda::Function\n    Properties:\n      Runtime: nodejs22.x\n      Handler: index.handler\n      Timeout: {(i % 2 == 0 ? 900 : 60)}\n      Role: arn:aws:iam::123456789012:role/app-{i}\n      Code: {{S3Bucket: artifacts, S3Key: plain-{i}.zip}}\n",
                _ => $"  Api{i:D3}:\n    Type: AWS::ApiGateway::RestApi\n    Properties: {{Name: api-{i}, EndpointConfiguration: {{Types: [{(i % 2 == 0 ? "PRIVATE" : "EDGE")}]}}}}\n",
            });
        }
        return text.ToString();
    }

    private sealed class MemoryPayloads(string url, string body) : IPayloadFetcher
    {
        public Task<HookPayload> FetchAsync(string requested, CancellationToken cancellationToken) =>
            requested == url
                ? Task.FromResult(JsonSerializer.Deserialize(body, HookJsonContext.Default.HookPayload)!)
                : throw new HookInputException($"The bench serves no payload at {requested}.");
    }
}
