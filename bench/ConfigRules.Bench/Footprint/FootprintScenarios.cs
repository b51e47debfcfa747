using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Bench.Fixtures;
using ConfigRules.Bench.Hook;
using ConfigRules.Sdk.Testing;
using ConfigRules.Testing.Aws;
using ConfigRules.Testing.Lambda;

namespace ConfigRules.Bench.Footprint;

/// <summary>What runs the handler: the Native AOT bootstrap, or the bench's Python 3 rule script (standard library only).</summary>
public enum FootprintRuntime { NativeAot, Python }

/// <summary>The loopback endpoints of one run: the fake AWS account, and presigned payload URLs as S3 serves them to the hook.</summary>
public sealed record FootprintEndpoints(LoopbackAwsServer Aws, LoopbackPayloadServer Payloads);

/// <summary>One run's arrangement: the function's variables, and the invocation it answers each time.</summary>
public sealed record FootprintWork(IReadOnlyDictionary<string, string> Variables, byte[] Request);

/// <summary>
/// One handler's typical work: what the fake account holds, the event, and the variables the function needs.
/// <paramref name="Problem"/> names what is wrong with a response that is not an invocation error but still not the work
/// done (the hook answers InternalFailure rather than failing the invocation).
/// </summary>
public sealed record FootprintScenario(
    string Handler,
    string Work,
    Func<FootprintEndpoints, FootprintWork> Arrange,
    FootprintRuntime Runtime = FootprintRuntime.NativeAot,
    Func<InvocationOutcome, string?>? Problem = null);

public static class FootprintScenarios
{
    public const int PeriodicFunctions = 1_000;
    public const int HookTemplateResources = 30;

    /// <summary>lambda-timeout-check in Python, from the cold-start bench (ColdStart/python); its entry point.</summary>
    public const string PythonHandler = "lambda_timeout_check.main";

    // Declared before All: static fields initialize in order.
    private static readonly Dictionary<string, string> NoVariables = [];

    public static IReadOnlyList<FootprintScenario> All { get; } =
    [
        new("lambda-runtime-check", "one change notification", _ => new(NoVariables, ChangeNotification())),
        new(PythonHandler, "one change notification", _ => new(NoVariables, ChangeNotification()), FootprintRuntime.Python),
        new("lambda-runtime-check", $"a periodic run over {PeriodicFunctions:N0} functions", endpoints =>
        {
            for (var i = 0; i < PeriodicFunctions; i++) endpoints.Aws.Config.Put(LambdaFunctionItems.ResourceType, LambdaFunctionItems.FunctionName(i), LambdaFunctionItems.Configuration(i));
            return new(NoVariables, ConfigRuleEvents.Scheduled());
        }),
        new("compliance-notifier", "one compliance change published to SNS",
            endpoints => new(new Dictionary<string, string> { ["NOTIFICATION_TOPIC_ARN"] = endpoints.Aws.Sns.AddTopic() }, ComplianceChange())),
        new("api-gateway-endpoint-remediation", "one REST API made private", endpoints =>
        {
            endpoints.Aws.ApiGateway.PutRestApi("a1b2c3d4e5", "REGIONAL", "orders-api");
            return new(new Dictionary<string, string> { ["ENDPOINT_RULE_NAME"] = "api-gateway-endpoint-type-check" },
                Encoding.UTF8.GetBytes("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpce-0123456789abcdef0"]}"""));
        }),
        new("cloudformation-hook", "one RESOURCE request (one function), every rule of the catalog",
            _ => new(NoVariables, HookDecisionRunner.ResourceRequest()), Problem: HookProblem),
        new("cloudformation-hook", $"one STACK request ({HookTemplateResources}-resource SAM template from a presigned URL), every rule",
            endpoints => new(NoVariables, HookDecisionRunner.StackRequest(endpoints.Payloads.Serve("stack", HookDecisionRunner.StackPayload(HookDecisionRunner.StackTemplate(HookTemplateResources))))),
            Problem: HookProblem),
    ];

    private static byte[] ChangeNotification() => ConfigRuleEvents.Change(LambdaFunctionItems.Function(7));

    /// <summary>The hook answers every request; one it could not judge carries errorCode InternalFailure.</summary>
    private static string? HookProblem(InvocationOutcome outcome) =>
        outcome.Json.TryGetProperty("errorCode", out var code) && code.GetString() == "InternalFailure" ? $"the hook could not judge the request: {outcome.BodyText}" : null;

    /// <summary>An EventBridge "Config Rules Compliance Change" event (AWS Config developer guide) into NON_COMPLIANT.</summary>
    private static byte[] ComplianceChange()
    {
        static JsonObject Result(string type, string? annotation) => new()
        {
            ["evaluationResultIdentifier"] = new JsonObject
            {
                ["evaluationResultQualifier"] = new JsonObject
                {
                    ["configRuleName"] = "lambda-timeout-check", ["resourceType"] = "AWS::Lambda::Function", ["resourceId"] = "orders-fn",
                },
                ["orderingTimestamp"] = "2026-03-04T10:15:30.125Z",
            },
            ["complianceType"] = type,
            ["resultRecordedTime"] = "2026-03-04T10:15:30.125Z",
            ["configRuleInvokedTime"] = "2026-03-04T10:15:30.125Z",
            ["annotation"] = annotation,
        };
        var change = new JsonObject
        {
            ["version"] = "0",
            ["id"] = "5b3a8e61-4f0c-4d7a-9c1e-2a7d0f9b6c11",
            ["detail-type"] = "Config Rules Compliance Change",
            ["source"] = "aws.config",
            ["account"] = "123456789012",
            ["time"] = "2026-03-04T10:15:31Z",
            ["region"] = "us-east-1",
            ["resources"] = new JsonArray(),
            ["detail"] = new JsonObject
            {
                ["resourceId"] = "orders-fn",
                ["awsRegion"] = "us-east-1",
                ["awsAccountId"] = "123456789012",
                ["configRuleName"] = "lambda-timeout-check",
                ["recordVersion"] = "1.0",
                ["configRuleARN"] = "arn:aws:config:us-east-1:123456789012:config-rule/config-rule-q8ftgc",
                ["messageType"] = "ComplianceChangeNotification",
                ["newEvaluationResult"] = Result("NON_COMPLIANT", "Timeout 900 s exceeds the maximum of 300 s."),
                ["oldEvaluationResult"] = Result("COMPLIANT", null),
                ["notificationCreationTime"] = "2026-03-04T10:15:31.500Z",
                ["resourceType"] = "AWS::Lambda::Function",
            },
        };
        return Encoding.UTF8.GetBytes(change.ToJsonString());
    }
}
