using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConfigRules.Bench.Fixtures;

/// <summary>
/// Realistic AWS::Lambda::Function configuration items, written the way Config delivers them in snapshots and
/// invoking events (ISO timestamps, <c>configuration</c> as an object). Values vary with the index so that the
/// rules meet compliant, non-compliant and not-applicable functions in fixed proportions.
/// </summary>
public static class LambdaFunctionItems
{
    public const string Account = "123456789012";
    public const string Region = "eu-west-1";
    public const string ResourceType = "AWS::Lambda::Function";

    // Current, deprecated and unknown runtimes, so lambda-runtime-check takes every path.
    private static readonly string[] Runtimes = ["python3.13", "nodejs22.x", "java21", "python3.12", "nodejs20.x", "dotnet8", "provided.al2023", "nodejs12.x", "python3.7", "ruby3.3"];
    private static readonly int[] MemorySizes = [128, 256, 512, 1024, 2048, 3008, 10240];
    private static readonly int[] Timeouts = [3, 15, 30, 60, 300, 900];
    private static readonly DateTimeOffset BaseTime = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);

    public static string FunctionName(long index) => $"svc-{index % 97:D2}-function-{index:D7}";

    public static string Arn(long index) => $"arn:aws:lambda:{Region}:{Account}:function:{FunctionName(index)}";

    /// <summary>Functions share one execution role per service, as teams usually deploy them.</summary>
    public static string RoleName(long index) => $"svc-{index % 97:D2}-role";

    /// <summary>Writes one item; with <paramref name="itemBytes"/>, environment variables and tags fill it to about that size.</summary>
    public static void Write(Utf8JsonWriter writer, long index, int itemBytes = 0)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var start = writer.BytesCommitted + writer.BytesPending;
        long Written() => writer.BytesCommitted + writer.BytesPending - start;
        var name = FunctionName(index);
        var arn = Arn(index);
        var captured = BaseTime.AddSeconds(index % 86_400);
        var isImage = index % 20 == 19;
        var runtime = Runtimes[index % Runtimes.Length];

        writer.WriteStartObject();
        writer.WriteStartArray("relatedEvents");
        writer.WriteEndArray();
        writer.WriteStartArray("relationships");
        writer.WriteStartObject();
        writer.WriteString("resourceId", $"AROA{index % 97:D17}");
        writer.WriteString("resourceName", RoleName(index));
        writer.WriteString("resourceType", "AWS::IAM::Role");
        writer.WriteString("name", "Is associated with ");
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartObject("configuration");
        writer.WriteString("functionName", name);
        writer.WriteString("functionArn", arn);
        if (!isImage)
        {
            writer.WriteString("runtime", runtime);
            writer.WriteString("handler", runtime.StartsWith("java", StringComparison.Ordinal) ? "com.example.Handler::handleRequest" : "app.handler");
        }
        writer.WriteString("role", $"arn:aws:iam::{Account}:role/{RoleName(index)}");
        writer.WriteNumber("codeSize", 1_024 + (index * 7_919 % 12_000_000));
        writer.WriteString("description", "Handles order events for the storefront");
        writer.WriteNumber("timeout", Timeouts[index % Timeouts.Length]);
        writer.WriteNumber("memorySize", MemorySizes[index % MemorySizes.Length]);
        writer.WriteString("lastModified", captured.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture));
        writer.WriteString("codeSha256", "ylV2Ea0TSW8g/kvK8ugBq6JJ7PiZnJ6aSMHBFJi9XrE=");
        writer.WriteString("version", "$LATEST");
        writer.WriteStartObject("vpcConfig");
        writer.WriteStartArray("subnetIds");
        writer.WriteStringValue("subnet-0a1b2c3d4e5f60718");
        writer.WriteStringValue("subnet-0f1e2d3c4b5a69788");
        writer.WriteEndArray();
        writer.WriteStartArray("securityGroupIds");
        writer.WriteStringValue("sg-0123456789abcdef0");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("environment");
        writer.WriteStartObject("variables");
        writer.WriteString("LOG_LEVEL", "info");
        writer.WriteString("TABLE_NAME", $"{name}-table");
        for (var i = 0; Written() < itemBytes / 2; i++)
            writer.WriteString($"SETTING_{i:D6}", "padding-value-padding-value-padding-value-0123456789");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("tracingConfig");
        writer.WriteString("mode", index % 3 == 0 ? "Active" : "PassThrough");
        writer.WriteEndObject();
        writer.WriteString("revisionId", $"{index:D8}-4b1c-4d2e-9f3a-0123456789ab");
        writer.WriteStartArray("layers");
        if (index % 4 == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("arn", $"arn:aws:lambda:{Region}:{Account}:layer:shared-libs:12");
            writer.WriteNumber("codeSize", 4_718_592);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteString("state", "Active");
        writer.WriteString("lastUpdateStatus", "Successful");
        writer.WriteString("packageType", isImage ? "Image" : "Zip");
        writer.WriteStartArray("architectures");
        writer.WriteStringValue(index % 2 == 0 ? "arm64" : "x86_64");
        writer.WriteEndArray();
        writer.WriteStartObject("ephemeralStorage");
        writer.WriteNumber("size", 512);
        writer.WriteEndObject();
        writer.WriteStartObject("loggingConfig");
        writer.WriteString("logFormat", "JSON");
        writer.WriteString("logGroup", $"/aws/lambda/{name}");
        writer.WriteEndObject();
        writer.WriteEndObject();

        writer.WriteStartObject("supplementaryConfiguration");
        if (index % 5 != 0)
        {
            writer.WriteStartObject("Concurrency");
            writer.WriteNumber("reservedConcurrentExecutions", 10 + index % 90);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();

        writer.WriteStartObject("tags");
        writer.WriteString("team", $"team-{index % 13}");
        writer.WriteString("cost-center", $"cc-{index % 41:D4}");
        // The item's tail after the tags is about 600 bytes.
        for (var i = 0; Written() < itemBytes - 600; i++)
            writer.WriteString($"tag-{i:D6}", "padding-tag-value-padding-tag-value-padding-tag-value");
        writer.WriteEndObject();

        writer.WriteString("configurationItemVersion", "1.3");
        writer.WriteString("configurationItemCaptureTime", captured.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteNumber("configurationStateId", 1_700_000_000_000 + index);
        writer.WriteString("awsAccountId", Account);
        writer.WriteString("configurationItemStatus", "OK");
        writer.WriteString("resourceType", ResourceType);
        writer.WriteString("resourceId", name);
        writer.WriteString("resourceName", name);
        writer.WriteString("ARN", arn);
        writer.WriteString("awsRegion", Region);
        writer.WriteString("availabilityZone", "Not Applicable");
        writer.WriteString("configurationStateMd5Hash", string.Empty);
        writer.WriteString("resourceCreationTime", captured.AddDays(-30).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    /// <summary>
    /// The AWS::IAM::Role item of a service's execution role (<see cref="RoleName"/>); one service in 13 has
    /// AdministratorAccess attached, which lambda-execution-role-check flags.
    /// </summary>
    public static void WriteRole(Utf8JsonWriter writer, long service)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var name = RoleName(service);
        var arn = $"arn:aws:iam::{Account}:role/{name}";
        writer.WriteStartObject();
        writer.WriteStartArray("relatedEvents");
        writer.WriteEndArray();
        writer.WriteStartArray("relationships");
        writer.WriteEndArray();
        writer.WriteStartObject("configuration");
        writer.WriteString("path", "/");
        writer.WriteString("roleName", name);
        writer.WriteString("roleId", $"AROA{service:D17}");
        writer.WriteString("arn", arn);
        writer.WriteString("createDate", "2026-01-15T09:00:00.000Z");
        writer.WriteString("assumeRolePolicyDocument", "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D");
        writer.WriteStartArray("instanceProfileList");
        writer.WriteEndArray();
        writer.WriteStartArray("rolePolicyList");
        writer.WriteEndArray();
        writer.WriteStartArray("attachedManagedPolicies");
        writer.WriteStartObject();
        writer.WriteString("policyName", "AWSLambdaBasicExecutionRole");
        writer.WriteString("policyArn", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
        writer.WriteEndObject();
        if (service % 13 == 0)
        {
            writer.WriteStartObject();
            writer.WriteString("policyName", "AdministratorAccess");
            writer.WriteString("policyArn", "arn:aws:iam::aws:policy/AdministratorAccess");
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("supplementaryConfiguration");
        writer.WriteEndObject();
        writer.WriteStartObject("tags");
        writer.WriteEndObject();
        writer.WriteString("configurationItemVersion", "1.3");
        writer.WriteString("configurationItemCaptureTime", "2026-10-01T08:00:00.000Z");
        writer.WriteNumber("configurationStateId", 1_690_000_000_000 + service);
        writer.WriteString("awsAccountId", Account);
        writer.WriteString("configurationItemStatus", "OK");
        writer.WriteString("resourceType", "AWS::IAM::Role");
        writer.WriteString("resourceId", $"AROA{service:D17}");
        writer.WriteString("resourceName", name);
        writer.WriteString("ARN", arn);
        writer.WriteString("awsRegion", "global");
        writer.WriteString("availabilityZone", "Not Applicable");
        writer.WriteString("configurationStateMd5Hash", string.Empty);
        writer.WriteString("resourceCreationTime", "2026-01-15T09:00:00.000Z");
        writer.WriteEndObject();
    }

    /// <summary>One item as UTF-8 JSON.</summary>
    public static byte[] ToUtf8(long index, int itemBytes = 0)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4_096 + itemBytes);
        using (var writer = new Utf8JsonWriter(buffer)) Write(writer, index, itemBytes);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The item's configuration as a node, for the loopback Config account (which serves the API shape).</summary>
    public static JsonObject Configuration(long index) =>
        (JsonNode.Parse(ToUtf8(index))!.AsObject()["configuration"]!.DeepClone()).AsObject();
}
