using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// The fake Lambda service (restJson1): functions with or without reserved concurrency (GetFunctionConcurrency) and
/// resource policies (GetPolicy; a function without one answers ResourceNotFoundException, as Lambda does).
/// </summary>
public sealed partial class FakeLambdaService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int?> _reserved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _policies = new(StringComparer.Ordinal);

    /// <summary>Gives a function (added if new, without reserved concurrency) a resource policy document.</summary>
    public void PutPolicy(string functionName, string policyDocument)
    {
        lock (_gate)
        {
            _reserved.TryAdd(functionName, null);
            _policies[functionName] = policyDocument;
        }
    }

    /// <summary>Adds a function; null means no reserved concurrency.</summary>
    public void PutFunction(string functionName, int? reservedConcurrentExecutions)
    {
        lock (_gate) _reserved[functionName] = reservedConcurrentExecutions;
    }

    internal static string OperationOf(LoopbackRequest request) =>
        request.Method == "GET" && ConcurrencyPath().IsMatch(request.RawPath) ? "GetFunctionConcurrency"
            : request.Method == "GET" && PolicyPath().IsMatch(request.RawPath) ? "GetPolicy"
            : throw new FakeAwsErrorException(404, "UnknownOperationException", $"The loopback Lambda service has no {request.Method} {request.RawPath}.");

    internal LoopbackReply Handle(string operation, LoopbackRequest request)
    {
        var encoded = (operation == "GetPolicy" ? PolicyPath() : ConcurrencyPath()).Match(request.RawPath).Groups["name"].Value;
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
            if (operation == "GetPolicy")
            {
                return _policies.TryGetValue(name, out var policy)
                    ? LoopbackReply.Json(new JsonObject { ["Policy"] = policy, ["RevisionId"] = "4c2f7a10-0000-4000-8000-000000000001" }, WireProtocol.RestJson)
                    : throw new FakeAwsErrorException(404, "ResourceNotFoundException", "The resource you requested does not exist.");
            }
            var body = new JsonObject();
            if (reserved is not null) body["ReservedConcurrentExecutions"] = reserved.Value;
            return LoopbackReply.Json(body, WireProtocol.RestJson);
        }
    }

    [GeneratedRegex("^/2019-09-30/functions/(?<name>[^/]+)/concurrency$")]
    private static partial Regex ConcurrencyPath();

    [GeneratedRegex("^/2015-03-31/functions/(?<name>[^/?]+)/policy$")]
    private static partial Regex PolicyPath();
}
