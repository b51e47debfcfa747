using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace ConfigRules.Testing.Aws;

/// <summary>A REST API in the fake account.</summary>
public sealed class FakeRestApi
{
    public required string Id { get; init; }
    public string Name { get; set; } = "api";
    public string EndpointType { get; set; } = "EDGE";
    public List<string> VpcEndpointIds { get; } = [];
    public string? Policy { get; set; }

    public JsonObject ToJson()
    {
        var configuration = new JsonObject { ["types"] = new JsonArray(EndpointType) };
        if (VpcEndpointIds.Count > 0) configuration["vpcEndpointIds"] = new JsonArray(VpcEndpointIds.Select(v => (JsonNode)v).ToArray());
        var json = new JsonObject
        {
            ["id"] = Id, ["name"] = Name, ["createdDate"] = 1_700_000_000, ["apiKeySource"] = "HEADER",
            ["endpointConfiguration"] = configuration, ["disableExecuteApiEndpoint"] = false,
        };
        if (Policy is not null) json["policy"] = Policy;
        return json;
    }
}

/// <summary>
/// The fake API Gateway service: GetRestApi and UpdateRestApi (restJson1) with API Gateway's rules for endpoint
/// type changes: EDGE to REGIONAL or PRIVATE, REGIONAL to EDGE or PRIVATE, PRIVATE to REGIONAL only; the replaced
/// type in the path must be the current one; VPC endpoint ids only on PRIVATE APIs (and dropped when leaving PRIVATE).
/// </summary>
public sealed partial class FakeApiGatewayService
{
    private readonly object _gate = new();
    private readonly Dictionary<string, FakeRestApi> _apis = new(StringComparer.Ordinal);

    public FakeRestApi PutRestApi(string id, string endpointType, string name = "api", string? policy = null, params string[] vpcEndpointIds)
    {
        var api = new FakeRestApi { Id = id, Name = name, EndpointType = endpointType, Policy = policy };
        api.VpcEndpointIds.AddRange(vpcEndpointIds);
        lock (_gate) _apis[id] = api;
        return api;
    }

    public FakeRestApi? Get(string id)
    {
        lock (_gate) return _apis.GetValueOrDefault(id);
    }

    internal static string OperationOf(LoopbackRequest request) =>
        RestApiPath().IsMatch(request.RawPath) && request.Method is "GET" or "PATCH"
            ? request.Method == "GET" ? "GetRestApi" : "UpdateRestApi"
            : throw new FakeAwsErrorException(404, "UnknownOperationException", $"The loopback API Gateway service has no {request.Method} {request.RawPath}.");

    internal LoopbackReply Handle(string operation, LoopbackRequest request)
    {
        var id = Uri.UnescapeDataString(RestApiPath().Match(request.RawPath).Groups["id"].Value);
        lock (_gate)
        {
            var api = _apis.GetValueOrDefault(id) ?? throw new FakeAwsErrorException(404, "NotFoundException", $"Invalid API identifier specified 123456789012:{id}");
            if (operation == "UpdateRestApi")
            {
                var operations = JsonInput.Parse(request, operation, "patchOperations").RequiredArray("patchOperations", 1, 1000);
                var draft = Copy(api);
                foreach (var op in operations) Apply(draft, op as JsonObject ?? throw new FakeAwsErrorException(400, "BadRequestException", "patchOperations members must be objects."));
                _apis[id] = api = draft;
            }
            return LoopbackReply.Json(api.ToJson(), WireProtocol.RestJson);
        }
    }

    private static void Apply(FakeRestApi api, JsonObject operation)
    {
        var input = JsonInput.From(operation, "UpdateRestApi", "op", "path", "value", "from");
        var op = input.RequiredString("op");
        var path = input.RequiredString("path");
        var value = input.OptionalString("value", 0);
        switch (op, path)
        {
            case ("replace", _) when path.StartsWith("/endpointConfiguration/types/", StringComparison.Ordinal):
                ChangeType(api, path["/endpointConfiguration/types/".Length..], value);
                break;
            case ("add", "/endpointConfiguration/vpcEndpointIds"):
                if (api.EndpointType != "PRIVATE")
                    throw new FakeAwsErrorException(400, "BadRequestException", "VPC endpoint ids can only be associated with PRIVATE APIs.");
                if (string.IsNullOrEmpty(value) || !value.StartsWith("vpce-", StringComparison.Ordinal))
                    throw new FakeAwsErrorException(400, "BadRequestException", $"Invalid VPC endpoint id '{value}'.");
                if (!api.VpcEndpointIds.Contains(value)) api.VpcEndpointIds.Add(value);
                break;
            case ("remove", "/endpointConfiguration/vpcEndpointIds"):
                if (value is null || !api.VpcEndpointIds.Remove(value))
                    throw new FakeAwsErrorException(400, "BadRequestException", $"VPC endpoint id '{value}' is not associated with this API.");
                break;
            case ("replace", "/policy"):
                api.Policy = string.IsNullOrEmpty(value) ? null : value;
                break;
            case ("replace", "/name"):
                api.Name = value ?? throw new FakeAwsErrorException(400, "BadRequestException", "name cannot be null.");
                break;
            default:
                throw new FakeAwsErrorException(400, "BadRequestException", $"Invalid patch path '{path}' for op '{op}'.");
        }
    }

    private static void ChangeType(FakeRestApi api, string from, string? to)
    {
        if (from != api.EndpointType)
            throw new FakeAwsErrorException(400, "BadRequestException", $"Invalid endpoint type '{from}': the API's endpoint type is {api.EndpointType}.");
        var allowed = (from, to) switch
        {
            ("EDGE", "REGIONAL" or "PRIVATE") => true,
            ("REGIONAL", "EDGE" or "PRIVATE") => true,
            ("PRIVATE", "REGIONAL") => true,
            _ => false,
        };
        if (!allowed)
            throw new FakeAwsErrorException(400, "BadRequestException", $"Cannot change the endpoint type from {from} to {to ?? "nothing"}.");
        if (from == "PRIVATE") api.VpcEndpointIds.Clear();
        api.EndpointType = to!;
    }

    private static FakeRestApi Copy(FakeRestApi api)
    {
        var copy = new FakeRestApi { Id = api.Id, Name = api.Name, EndpointType = api.EndpointType, Policy = api.Policy };
        copy.VpcEndpointIds.AddRange(api.VpcEndpointIds);
        return copy;
    }

    [GeneratedRegex("^/restapis/(?<id>[^/]+)$")]
    private static partial Regex RestApiPath();
}
