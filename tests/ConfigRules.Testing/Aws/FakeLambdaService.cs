using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfigRules.Testing.Aws;

/// <summary>The fake Lambda service: functions with or without reserved concurrency (GetFunctionConcurrency, restJson1).</summary>
public sealed partial class FakeLambdaService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int?> _reserved = new(StringComparer.Ordinal);

    /// <summary>Adds a function; null means no reserved concurrency.</summary>
    public void PutFunction(string functionName, int? reservedConcurrentExecutions)
    {
        lock (_gate) _reserved[functionName] = reservedConcurrentExecutions;
    }

    internal static string OperationOf(LoopbackRequest request) =>
        request.Method == "GET" && ConcurrencyPath().IsMatch(request.RawPath)
            ? "GetFunctionConcurrency"
            : throw new FakeAwsErrorException(404, "UnknownOperationException", $"The loopback Lambda service has no {request.Method} {request.RawPath}.");

    internal LoopbackReply Handle(string operation, LoopbackRequest request)
    {
        var encoded = ConcurrencyPath().Match(request.RawPath).Groups["name"].Value;
        var name = Uri.UnescapeDataString(encoded);
        if (name.Length is < 1 or > 140)
            throw new FakeAwsErrorException(400, "InvalidParameterValueException", $"FunctionName must be 1 to 140 characters; it has {name.Length}.");
        // A function ARN (arn:aws:lambda:region:account:function:name[:qualifier]) names the same function.
        var parts = name.Split(':');
        if (parts.Length >= 7 && parts[0] == "arn" && parts[5] == "function") name = parts[6];
        lock (_gate)
        {
            if (!_reserved.TryGetValue(name, out var reserved))
                throw new FakeAwsErrorException(404, "ResourceNotFoundException", $"Function not found: arn:aws:lambda:us-east-1:123456789012:function:{name}");
            var body = new JsonObject();
            if (reserved is not null) body["ReservedConcurrentExecutions"] = reserved.Value;
            return LoopbackReply.Json(body, WireProtocol.RestJson);
        }
    }

    [GeneratedRegex("^/2019-09-30/functions/(?<name>[^/]+)/concurrency$")]
    private static partial Regex ConcurrencyPath();
}
