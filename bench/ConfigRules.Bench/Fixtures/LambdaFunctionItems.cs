using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Sdk.Testing;

namespace ConfigRules.Bench.Fixtures;

/// <summary>
/// Realistic AWS::Lambda::Function configuration items, built with the SDK test kit's <see cref="ConfigurationItemBuilder"/>
/// and filled with what a deployed function records (VPC, environment, layers, logging, its role). Values vary with
/// the index so that the rules meet compliant, non-compliant and not-applicable functions in fixed proportions.
/// </summary>
public static class LambdaFunctionItems
{
    public const string Account = ConfigurationItemBuilder.DefaultAccountId;
    public const string Region = ConfigurationItemBuilder.DefaultRegion;
    public const string ResourceType = "AWS::Lambda::Function";

    // Current, deprecated and unknown runtimes, so lambda-runtime-check takes every path.
    private static readonly string[] Runtimes = ["python3.13", "nodejs22.x", "java21", "python3.12", "nodejs20.x", "dotnet8", "provided.al2023", "nodejs12.x", "python3.7", "ruby3.3"];
    private static readonly int[] MemorySizes = [128, 256, 512, 1024, 2048, 3008, 10240];
    private static readonly int[] Timeouts = [3, 15, 30, 60, 300, 900];
    private static readonly DateTimeOffset BaseTime = new(2026, 10, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset RolesCreated = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    // The padding entries an item of a given size is filled with: half environment variables, the rest tags.
    private const string VariableValue = "padding-value-padding-value-padding-value-0123456789";
    private const string TagValue = "padding-tag-value-padding-tag-value-padding-tag-value";
    private static readonly int VariableBytes = EntryBytes(Variable(0), VariableValue);
    private static readonly int TagBytes = EntryBytes(Tag(0), TagValue);

    public static string FunctionName(long index) => $"svc-{index % 97:D2}-function-{index:D7}";

    public static string Arn(long index) => $"arn:aws:lambda:{Region}:{Account}:function:{FunctionName(index)}";

    /// <summary>Functions share one execution role per service, as teams usually deploy them.</summary>
    public static string RoleName(long index) => $"svc-{index % 97:D2}-role";

    /// <summary>One function; with <paramref name="itemBytes"/>, environment variables and tags fill it to about that size.</summary>
    public static ConfigurationItemBuilder Function(long index, int itemBytes = 0)
    {
        var name = FunctionName(index);
        var captured = BaseTime.AddSeconds(index % 86_400);
        var runtime = Runtimes[index % Runtimes.Length];
        var function = index % 20 == 19
            ? ConfigurationItemBuilder.LambdaContainerImageFunction(name)
            : ConfigurationItemBuilder.LambdaFunction(name)
                .With("runtime", runtime)
                .With("handler", runtime.StartsWith("java", StringComparison.Ordinal) ? "com.example.Handler::handleRequest" : "app.handler");
        function
            .With("role", RoleArn(index))
            .With("codeSize", 1_024 + (index * 7_919 % 12_000_000))
            .With("description", "Handles order events for the storefront")
            .With("timeout", Timeouts[index % Timeouts.Length])
            .With("memorySize", MemorySizes[index % MemorySizes.Length])
            .With("lastModified", captured.AddDays(-3).ToString("yyyy-MM-dd'T'HH:mm:ss.fff+0000", CultureInfo.InvariantCulture))
            .With("codeSha256", "ylV2Ea0TSW8g/kvK8ugBq6JJ7PiZnJ6aSMHBFJi9XrE=")
            .With("vpcConfig", new JsonObject
            {
                ["subnetIds"] = new JsonArray("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"),
                ["securityGroupIds"] = new JsonArray("sg-0123456789abcdef0"),
            })
            .With("environment.variables", new JsonObject { ["LOG_LEVEL"] = "info", ["TABLE_NAME"] = $"{name}-table" })
            .With("tracingConfig.mode", index % 3 == 0 ? "Active" : "PassThrough")
            .With("revisionId", $"{index:D8}-4b1c-4d2e-9f3a-0123456789ab")
            .With("layers", index % 4 == 0
                ? new JsonArray(new JsonObject { ["arn"] = $"arn:aws:lambda:{Region}:{Account}:layer:shared-libs:12", ["codeSize"] = 4_718_592 })
                : new JsonArray())
            .With("state", "Active")
            .With("lastUpdateStatus", "Successful")
            .With("architectures", new JsonArray(index % 2 == 0 ? "arm64" : "x86_64"))
            .With("ephemeralStorage.size", 512)
            .With("loggingConfig", new JsonObject { ["logFormat"] = "JSON", ["logGroup"] = $"/aws/lambda/{name}" })
            .WithRelationship("AWS::IAM::Role", RoleId(index), RoleName(index), "Is associated with ")
            .WithTag("team", $"team-{index % 13}")
            .WithTag("cost-center", $"cc-{index % 41:D4}")
            .CapturedAt(captured)
            .CreatedAt(captured.AddDays(-30));
        if (index % 5 != 0)
            function.WithSupplementary("Concurrency", new JsonObject { ["reservedConcurrentExecutions"] = 10 + index % 90 });
        return itemBytes > 0 ? FillTo(function, itemBytes) : function;
    }

    /// <summary>
    /// The AWS::IAM::Role item of a service's execution role (<see cref="RoleName"/>); one service in 13 has
    /// AdministratorAccess attached, which lambda-execution-role-check flags.
    /// </summary>
    public static ConfigurationItemBuilder Role(long service)
    {
        var policies = new JsonArray(Policy("AWSLambdaBasicExecutionRole", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
        if (service % 13 == 0) policies.Add((JsonNode)Policy("AdministratorAccess", "arn:aws:iam::aws:policy/AdministratorAccess"));
        return ConfigurationItemBuilder.Of("AWS::IAM::Role", RoleId(service), new JsonObject
            {
                ["path"] = "/",
                ["roleName"] = RoleName(service),
                ["roleId"] = RoleId(service),
                ["arn"] = RoleArn(service),
                ["createDate"] = "2026-01-15T09:00:00.000Z",
                ["assumeRolePolicyDocument"] = "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Principal%22%3A%7B%22Service%22%3A%22lambda.amazonaws.com%22%7D%2C%22Action%22%3A%22sts%3AAssumeRole%22%7D%5D%7D",
                ["instanceProfileList"] = new JsonArray(),
                ["rolePolicyList"] = new JsonArray(),
                ["attachedManagedPolicies"] = policies,
            })
            .WithResourceName(RoleName(service))
            .WithArn(RoleArn(service))
            .InAccount(Account, "global")
            .CapturedAt(BaseTime)
            .CreatedAt(RolesCreated);
    }

    /// <summary>The function's configuration as a node, for the loopback Config account (which serves the API shape).</summary>
    public static JsonObject Configuration(long index) => Function(index).ToJsonObject()["configuration"]!.DeepClone().AsObject();

    private static string RoleId(long index) => $"AROA{index % 97:D17}";

    private static string RoleArn(long index) => $"arn:aws:iam::{Account}:role/{RoleName(index)}";

    private static JsonObject Policy(string name, string arn) => new() { ["policyName"] = name, ["policyArn"] = arn };

    private static ConfigurationItemBuilder FillTo(ConfigurationItemBuilder function, int itemBytes)
    {
        var missing = itemBytes - Encoding.UTF8.GetByteCount(function.ToJson());
        var variables = Math.Max(0, missing / 2 / VariableBytes);
        for (var i = 0; i < variables; i++) function.With($"environment.variables.{Variable(i)}", VariableValue);
        var tags = Math.Max(0, (missing - variables * VariableBytes + TagBytes - 1) / TagBytes);
        for (var i = 0; i < tags; i++) function.WithTag(Tag(i), TagValue);
        return function;
    }

    private static string Variable(int i) => $"SETTING_{i:D6}";

    private static string Tag(int i) => $"tag-{i:D6}";

    // "key":"value", as written in a JSON object.
    private static int EntryBytes(string key, string value) => key.Length + value.Length + 6;
}
