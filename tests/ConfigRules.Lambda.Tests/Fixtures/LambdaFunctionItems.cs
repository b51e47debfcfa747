using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// AWS::Lambda::Function configuration items written from the documented formats: the invoking-event shape
/// (<c>ARN</c>, <c>awsAccountId</c>, ISO timestamps, object <c>configuration</c>) that change notifications carry.
/// The API shape (GetResourceConfigHistory, BatchGetResourceConfig) is served by the loopback AWS account from
/// the same <see cref="Configuration"/>.
/// </summary>
public static class LambdaFunctionItems
{
    public const string AccountId = "123456789012";
    public const string Region = "us-east-1";
    public const string ResourceType = "AWS::Lambda::Function";
    public static readonly DateTimeOffset CaptureTime = new(2025, 6, 1, 12, 30, 0, TimeSpan.Zero);

    public static string Arn(string name) => $"arn:aws:lambda:{Region}:{AccountId}:function:{name}";

    /// <summary>The function's <c>configuration</c> object as Lambda's GetFunctionConfiguration returns it.</summary>
    public static JsonObject Configuration(string name, string? runtime, string packageType = "Zip") => new()
    {
        ["functionName"] = name,
        ["functionArn"] = Arn(name),
        ["runtime"] = runtime,
        ["role"] = $"arn:aws:iam::{AccountId}:role/{name}-role",
        ["handler"] = runtime is null ? null : "app.handler",
        ["codeSize"] = 2048,
        ["description"] = "fixture function",
        ["timeout"] = 30,
        ["memorySize"] = 256,
        ["lastModified"] = "2025-05-30T08:00:00.000+0000",
        ["codeSha256"] = "Nq4b3kcnZ0ZUNwW4kPQW7HkQ3qMSjYm1T5uUmTFj7Vg=",
        ["version"] = "$LATEST",
        ["tracingConfig"] = new JsonObject { ["mode"] = "PassThrough" },
        ["packageType"] = packageType,
        ["architectures"] = new JsonArray("x86_64"),
    };

    /// <summary>The item as it appears inside a change notification's <c>invokingEvent</c>.</summary>
    public static JsonObject InvokingEventShape(string name, string? runtime, string status = "OK", string resourceType = ResourceType) => new()
    {
        ["relatedEvents"] = new JsonArray(),
        ["relationships"] = new JsonArray(),
        ["configuration"] = status is "ResourceDeleted" or "ResourceDeletedNotRecorded" ? null : Configuration(name, runtime),
        ["supplementaryConfiguration"] = new JsonObject(),
        ["tags"] = new JsonObject { ["team"] = "governance" },
        ["configurationItemVersion"] = "1.3",
        ["configurationItemCaptureTime"] = CaptureTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        ["configurationStateId"] = 1717245000000,
        ["awsAccountId"] = AccountId,
        ["configurationItemStatus"] = status,
        ["resourceType"] = resourceType,
        ["resourceId"] = name,
        ["resourceName"] = name,
        ["ARN"] = Arn(name),
        ["awsRegion"] = Region,
        ["availabilityZone"] = "Not Applicable",
        ["configurationStateMd5Hash"] = "",
        ["resourceCreationTime"] = "2024-01-15T09:00:00.000Z",
    };

    /// <summary>The summary an oversized notification carries: identity and status, no configuration.</summary>
    public static JsonObject Summary(string name) => new()
    {
        ["changeType"] = "UPDATE",
        ["configurationItemVersion"] = "1.3",
        ["configurationItemCaptureTime"] = CaptureTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"),
        ["configurationStateId"] = 1717245000001,
        ["awsAccountId"] = AccountId,
        ["configurationItemStatus"] = "OK",
        ["resourceType"] = ResourceType,
        ["resourceId"] = name,
        ["resourceName"] = name,
        ["ARN"] = Arn(name),
        ["awsRegion"] = Region,
        ["availabilityZone"] = "Not Applicable",
        ["configurationStateMd5Hash"] = "",
        ["resourceCreationTime"] = "2024-01-15T09:00:00.000Z",
    };
}
