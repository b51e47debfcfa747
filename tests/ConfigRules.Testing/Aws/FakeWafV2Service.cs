using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfigRules.Testing.Aws;

/// <summary>
/// The fake WAFv2 service (awsJson1_1, <c>AWSWAF_20190729</c>): GetWebACL by Name, Scope and Id, checked as the
/// model constrains them (name pattern, id as a UUID, scope REGIONAL or CLOUDFRONT). A web ACL it does not hold is
/// 400 <c>WAFNonexistentItemException</c>.
/// </summary>
public sealed partial class FakeWafV2Service
{
    public const string TargetPrefix = "AWSWAF_20190729";

    private readonly object _gate = new();
    private readonly Dictionary<(string Scope, string Name, string Id), JsonObject> _webAcls = [];

    /// <summary>Adds a REGIONAL web ACL with the given rules (GetWebACL's <c>Rules</c> members) and returns its ARN.</summary>
    public string PutWebAcl(string name, string id, params JsonObject[] rules)
    {
        var arn = $"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/{name}/{id}";
        var acl = new JsonObject
        {
            ["Name"] = name, ["Id"] = id, ["ARN"] = arn,
            ["DefaultAction"] = new JsonObject { ["Allow"] = new JsonObject() },
            ["Rules"] = new JsonArray([.. rules.Select(r => (JsonNode)r.DeepClone())]),
            ["VisibilityConfig"] = Visibility(name), ["Capacity"] = 2, ["ManagedByFirewallManager"] = false,
        };
        lock (_gate) _webAcls[("REGIONAL", name, id)] = acl;
        return arn;
    }

    /// <summary>A rule whose statement is a RateBasedStatement on IP with <paramref name="limit"/> and the given action.</summary>
    public static JsonObject RateRule(string name, long limit, string action = "Block", int priority = 0) => new()
    {
        ["Name"] = name, ["Priority"] = priority,
        ["Statement"] = new JsonObject { ["RateBasedStatement"] = new JsonObject { ["Limit"] = limit, ["EvaluationWindowSec"] = 300, ["AggregateKeyType"] = "IP" } },
        ["Action"] = new JsonObject { [action] = new JsonObject() },
        ["VisibilityConfig"] = Visibility(name),
    };

    /// <summary>A rule that references a managed rule group (no Action, an OverrideAction instead).</summary>
    public static JsonObject ManagedGroupRule(string name, string groupName, int priority = 1) => new()
    {
        ["Name"] = name, ["Priority"] = priority,
        ["Statement"] = new JsonObject { ["ManagedRuleGroupStatement"] = new JsonObject { ["VendorName"] = "AWS", ["Name"] = groupName } },
        ["OverrideAction"] = new JsonObject { ["None"] = new JsonObject() },
        ["VisibilityConfig"] = Visibility(name),
    };

    internal LoopbackReply Handle(string operation, LoopbackRequest request)
    {
        if (operation != "GetWebACL")
            throw new FakeAwsErrorException(400, "UnknownOperationException", $"The loopback WAFv2 service has no operation {operation}.");
        var input = JsonInput.Parse(request, operation, "Name", "Scope", "Id", "ARN");
        var name = input.RequiredString("Name", 1, 128);
        var scope = input.RequiredString("Scope");
        var id = input.RequiredString("Id", 1, 36);
        if (!NamePattern().IsMatch(name))
            throw new FakeAwsErrorException(400, "WAFInvalidParameterException", $"GetWebACL: Name '{name}' does not match ^[\\w\\-]+$.");
        if (!IdPattern().IsMatch(id))
            throw new FakeAwsErrorException(400, "WAFInvalidParameterException", $"GetWebACL: Id '{id}' is not a web ACL id (a lowercase UUID).");
        if (scope is not ("REGIONAL" or "CLOUDFRONT"))
            throw new FakeAwsErrorException(400, "WAFInvalidParameterException", $"GetWebACL: Scope must be REGIONAL or CLOUDFRONT, not '{scope}'.");
        lock (_gate)
        {
            if (!_webAcls.TryGetValue((scope, name, id), out var acl))
                throw new FakeAwsErrorException(400, "WAFNonexistentItemException", "AWS WAF couldn’t perform the operation because your resource doesn’t exist.");
            return LoopbackReply.Json(new JsonObject { ["WebACL"] = acl.DeepClone(), ["LockToken"] = "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b" }, WireProtocol.AwsJson);
        }
    }

    private static JsonObject Visibility(string name) => new()
    {
        ["SampledRequestsEnabled"] = true, ["CloudWatchMetricsEnabled"] = true, ["MetricName"] = name,
    };

    [GeneratedRegex(@"^[\w\-]+$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$")]
    private static partial Regex IdPattern();
}
