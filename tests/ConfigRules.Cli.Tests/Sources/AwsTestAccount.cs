using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using ConfigRules.Cli.Tests.Support;
using ConfigRules.Testing.Aws;

namespace ConfigRules.Cli.Tests.Sources;

/// <summary>What the AWS source tests share: the CLI pointed at a loopback account, and items in the shapes AWS writes.</summary>
internal static class AwsTestAccount
{
    /// <summary>
    /// The loopback account's endpoint, keys, token and region; retries without waiting (the transport's backoff is
    /// its own tests' business), and no profile or container credentials that could win over the keys.
    /// </summary>
    public static CliProcessOptions Options(LoopbackAwsServer aws)
    {
        var environment = new Dictionary<string, string>(aws.EnvironmentVariables)
        {
            ["CONFIGRULES_AWS_RETRY_BASE_DELAY_MS"] = "0",
            ["CONFIGRULES_AWS_RETRY_MAX_DELAY_MS"] = "0",
            ["AWS_PROFILE"] = "",
            ["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = "",
            ["AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"] = "",
        };
        return new CliProcessOptions { Environment = environment };
    }

    /// <summary>A function's configuration as Config records it.</summary>
    public static JsonObject Function(string name, int memorySize, string role = "arn:aws:iam::123456789012:role/app-role") => new()
    {
        ["functionName"] = name,
        ["functionArn"] = $"arn:aws:lambda:us-east-1:123456789012:function:{name}",
        ["runtime"] = "python3.13",
        ["handler"] = "app.handler",
        ["codeSize"] = 1024,
        ["memorySize"] = memorySize,
        ["timeout"] = 30,
        ["packageType"] = "Zip",
        ["role"] = role,
    };

    /// <summary>A Config snapshot file as delivered to S3 (configurationItems, tags as an object).</summary>
    public static byte[] Snapshot(params (string Name, int MemorySize)[] functions)
    {
        var items = new JsonArray();
        foreach (var (name, memory) in functions)
        {
            items.Add((JsonNode)new JsonObject
            {
                ["configurationItemVersion"] = "1.3",
                ["configurationItemCaptureTime"] = "2026-01-15T10:00:00.000Z",
                ["configurationStateId"] = 1,
                ["awsAccountId"] = "123456789012",
                ["configurationItemStatus"] = "OK",
                ["resourceType"] = "AWS::Lambda::Function",
                ["resourceId"] = name,
                ["resourceName"] = name,
                ["ARN"] = $"arn:aws:lambda:us-east-1:123456789012:function:{name}",
                ["awsRegion"] = "us-east-1",
                ["tags"] = new JsonObject(),
                ["relationships"] = new JsonArray(),
                ["configuration"] = Function(name, memory),
                ["supplementaryConfiguration"] = new JsonObject(),
            });
        }
        var snapshot = new JsonObject { ["fileVersion"] = "1.0", ["configSnapshotId"] = Guid.NewGuid().ToString(), ["configurationItems"] = items };
        return Encoding.UTF8.GetBytes(snapshot.ToJsonString());
    }

    public static byte[] Gzip(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true)) gzip.Write(content);
        return buffer.ToArray();
    }

    /// <summary>No request was refused for its signature or token: every one was signed as AWS checks it.</summary>
    public static void ShouldAllBeSigned(this LoopbackAwsServer aws)
    {
        var refused = aws.Requests.Where(r => !r.SignatureValid || r.ErrorCode is "InvalidSignatureException" or "SignatureDoesNotMatch"
            or "UnrecognizedClientException" or "InvalidClientTokenId" or "IncompleteSignature").ToList();
        if (refused.Count > 0) throw new InvalidOperationException("Requests refused: " + string.Join("; ", refused));
    }
}
