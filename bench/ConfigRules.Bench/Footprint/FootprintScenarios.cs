using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Bench.Fixtures;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Bench.Footprint;

/// <summary>One handler's typical work: what the fake account holds, the event, and the variables the function needs.</summary>
public sealed record FootprintScenario(
    string Handler,
    string Work,
    Func<LoopbackAwsServer, IReadOnlyDictionary<string, string>> Arrange,
    byte[] Payload);

public static class FootprintScenarios
{
    public const int PeriodicFunctions = 1_000;

    // Declared before All: static fields initialize in order.
    private static readonly Dictionary<string, string> NoVariables = [];

    public static IReadOnlyList<FootprintScenario> All { get; } =
    [
        new("lambda-runtime-check", "one change notification", _ => NoVariables,
            ConfigRuleEvents.ChangeNotification(LambdaFunctionItems.ToUtf8(7))),
        new("lambda-runtime-check", $"a periodic run over {PeriodicFunctions:N0} functions", aws =>
        {
            for (var i = 0; i < PeriodicFunctions; i++) aws.Config.Put(LambdaFunctionItems.ResourceType, LambdaFunctionItems.FunctionName(i), LambdaFunctionItems.Configuration(i));
            return NoVariables;
        }, ConfigRuleEvents.ScheduledNotification()),
        new("compliance-notifier", "one compliance change published to SNS",
            aws => new Dictionary<string, string> { ["NOTIFICATION_TOPIC_ARN"] = aws.Sns.AddTopic() }, ComplianceChange()),
        new("api-gateway-endpoint-remediation", "one REST API made private", aws =>
        {
            aws.ApiGateway.PutRestApi("a1b2c3d4e5", "REGIONAL", "orders-api");
            return new Dictionary<string, string> { ["ENDPOINT_RULE_NAME"] = "api-gateway-endpoint-type-check" };
        }, Encoding.UTF8.GetBytes("""{"RestApiId":"a1b2c3d4e5","VpcEndpointIds":["vpce-0123456789abcdef0"]}""")),
    ];

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
