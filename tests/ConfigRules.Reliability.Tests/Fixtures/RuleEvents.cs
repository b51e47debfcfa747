using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Reliability.Tests.Fixtures;

/// <summary>
/// AWS Config custom-rule events as Lambda delivers them (invokingEvent and ruleParameters are JSON inside
/// strings), written from the documented format with System.Text.Json nodes.
/// </summary>
public static class RuleEvents
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public static readonly DateTimeOffset CaptureTime = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An AWS::Lambda::Function configuration as Config records it.</summary>
    public static JsonObject FunctionConfiguration(string name, long timeout, long memorySize = 256, string runtime = "python3.12", string handler = "app.handler") => new()
    {
        ["functionName"] = name,
        ["functionArn"] = FunctionArn(name),
        ["runtime"] = runtime,
        ["role"] = $"arn:aws:iam::{AccountId}:role/{name}-role",
        ["handler"] = handler,
        ["codeSize"] = 4096,
        ["description"] = string.Empty,
        ["timeout"] = timeout,
        ["memorySize"] = memorySize,
        ["packageType"] = "Zip",
        ["layers"] = new JsonArray(),
    };

    public static string FunctionArn(string name) => $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";

    /// <summary>The item in the event shape (configuration as an object, ISO timestamps).</summary>
    public static JsonObject FunctionItem(string name, JsonObject? configuration, string status = "OK") => new()
    {
        ["configurationItemVersion"] = "1.3",
        ["configurationItemCaptureTime"] = CaptureTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        ["configurationStateId"] = 1_740_830_400_000,
        ["awsAccountId"] = AccountId,
        ["configurationItemStatus"] = status,
        ["resourceType"] = "AWS::Lambda::Function",
        ["resourceId"] = name,
        ["resourceName"] = name,
        ["ARN"] = FunctionArn(name),
        ["awsRegion"] = Region,
        ["availabilityZone"] = "Not Applicable",
        ["configuration"] = configuration,
        ["supplementaryConfiguration"] = new JsonObject(),
        ["tags"] = new JsonObject(),
        ["relationships"] = new JsonArray(),
    };

    public static JsonObject ChangeInvoking(JsonObject item) => new()
    {
        ["configurationItemDiff"] = null,
        ["configurationItem"] = item,
        ["notificationCreationTime"] = CaptureTime.AddSeconds(5).ToString("O", CultureInfo.InvariantCulture),
        ["messageType"] = "ConfigurationItemChangeNotification",
        ["recordVersion"] = "1.3",
    };

    /// <summary>An oversized notification: the summary names the resource; the rule reads it with GetResourceConfigHistory.</summary>
    public static JsonObject OversizedInvoking(string resourceType, string resourceId) => new()
    {
        ["configurationItemSummary"] = new JsonObject
        {
            ["changeType"] = "UPDATE",
            ["configurationItemVersion"] = "1.3",
            ["configurationItemCaptureTime"] = CaptureTime.ToString("O", CultureInfo.InvariantCulture),
            ["configurationStateId"] = 1_740_830_400_000,
            ["awsAccountId"] = AccountId,
            ["configurationItemStatus"] = "OK",
            ["resourceType"] = resourceType,
            ["resourceId"] = resourceId,
            ["resourceName"] = resourceId,
            ["ARN"] = FunctionArn(resourceId),
            ["awsRegion"] = Region,
        },
        ["s3DeliverySummary"] = new JsonObject { ["s3BucketLocation"] = "config-bucket/oversized", ["errorCode"] = null, ["errorMessage"] = null },
        ["notificationCreationTime"] = CaptureTime.AddSeconds(5).ToString("O", CultureInfo.InvariantCulture),
        ["messageType"] = "OversizedConfigurationItemChangeNotification",
        ["recordVersion"] = "1.0",
    };

    public static JsonObject ScheduledInvoking(DateTimeOffset created) => new()
    {
        ["awsAccountId"] = AccountId,
        ["notificationCreationTime"] = created.ToString("O", CultureInfo.InvariantCulture),
        ["messageType"] = "ScheduledNotification",
        ["recordVersion"] = "1.0",
    };

    /// <summary>The Lambda payload: the envelope with invokingEvent and ruleParameters serialized into strings.</summary>
    public static JsonObject Envelope(JsonObject invoking, string resultToken, string configRuleName, JsonObject? ruleParameters = null, bool eventLeftScope = false) => new()
    {
        ["version"] = "1.0",
        ["invokingEvent"] = invoking.ToJsonString(),
        ["ruleParameters"] = (ruleParameters ?? new JsonObject()).ToJsonString(),
        ["resultToken"] = resultToken,
        ["eventLeftScope"] = eventLeftScope,
        ["executionRoleArn"] = $"arn:aws:iam::{AccountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig",
        ["configRuleArn"] = $"arn:aws:config:{Region}:{AccountId}:config-rule/config-rule-{configRuleName}",
        ["configRuleName"] = configRuleName,
        ["configRuleId"] = "config-rule-" + configRuleName,
        ["accountId"] = AccountId,
        ["evaluationMode"] = "DETECTIVE",
    };

    public static byte[] Bytes(JsonNode node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    public static byte[] Change(string resultToken, string configRuleName, JsonObject item, JsonObject? ruleParameters = null) =>
        Bytes(Envelope(ChangeInvoking(item), resultToken, configRuleName, ruleParameters));
}
