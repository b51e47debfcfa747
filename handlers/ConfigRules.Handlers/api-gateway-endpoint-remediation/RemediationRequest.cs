using System.Text.Json;
using System.Text.RegularExpressions;
using ConfigRules.Framework.Events;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>
/// The payload the SSM Automation document's aws:invokeLambdaFunction step sends:
/// <c>{"RestApiId": "a1b2c3d4e5", "VpcEndpointIds": ["vpce-..."]}</c>, where VpcEndpointIds is optional and
/// may also be one comma-separated string (how a StringList parameter often arrives through a template).
/// </summary>
public sealed record RemediationRequest(string RestApiId, IReadOnlyList<string> VpcEndpointIds)
{
    public const string RestApiIdProperty = "RestApiId";
    public const string VpcEndpointIdsProperty = "VpcEndpointIds";
}

public static partial class RemediationRequestParser
{
    private const string HandlerName = EndpointRemediationHandler.HandlerName;

    /// <summary>Parses a payload already known to be a JSON object (see the handler's dispatch).</summary>
    public static RemediationRequest Parse(JsonElement payload)
    {
        var problems = new List<string>();
        string? restApiId = null;
        var sawRestApiId = false;
        IReadOnlyList<string> endpoints = [];
        foreach (var property in payload.EnumerateObject())
        {
            if (IsNamed(property, RemediationRequest.RestApiIdProperty))
            {
                sawRestApiId = true;
                restApiId = ReadRestApiId(property.Value, problems);
            }
            else if (IsNamed(property, RemediationRequest.VpcEndpointIdsProperty))
                endpoints = ReadVpcEndpointIds(property.Value, problems);
            else
                problems.Add($"Unknown property '{property.Name}': the payload accepts {RemediationRequest.RestApiIdProperty} (required) and {RemediationRequest.VpcEndpointIdsProperty} (optional).");
        }
        if (!sawRestApiId)
            problems.Add($"{RemediationRequest.RestApiIdProperty} is missing: the id of the REST API to make private (10 letters and digits, e.g. a1b2c3d4e5).");
        if (problems.Count > 0) throw new InvalidParameterValueException(HandlerName, problems);
        return new RemediationRequest(restApiId!, endpoints);
    }

    private static bool IsNamed(JsonProperty property, string name) =>
        string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase);

    private static string? ReadRestApiId(JsonElement value, List<string> problems)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString()?.Trim() : null;
        if (text is not null && RestApiIdPattern().IsMatch(text)) return text;
        problems.Add($"{RemediationRequest.RestApiIdProperty} is {Describe(value)}: expected the REST API's id, letters and digits only (e.g. a1b2c3d4e5).");
        return null;
    }

    private static List<string> ReadVpcEndpointIds(JsonElement value, List<string> problems)
    {
        var raw = new List<string>();
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                break;
            case JsonValueKind.String:
                raw.AddRange(value.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                break;
            case JsonValueKind.Array:
                foreach (var entry in value.EnumerateArray())
                {
                    if (entry.ValueKind == JsonValueKind.String)
                        raw.AddRange(entry.GetString()!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                    else
                        problems.Add($"{RemediationRequest.VpcEndpointIdsProperty} has {Describe(entry)}: expected VPC endpoint ids as strings (vpce-0123456789abcdef0).");
                }
                break;
            default:
                problems.Add($"{RemediationRequest.VpcEndpointIdsProperty} is {Describe(value)}: expected a list of VPC endpoint ids or one comma-separated string.");
                break;
        }

        var ids = new List<string>();
        foreach (var id in raw)
        {
            if (!VpcEndpointIdPattern().IsMatch(id))
                problems.Add($"{RemediationRequest.VpcEndpointIdsProperty} has '{id}': expected ids of the form vpce- followed by 8 to 17 hexadecimal digits (vpce-0123456789abcdef0).");
            else if (!ids.Contains(id, StringComparer.Ordinal))
                ids.Add(id);
        }
        return ids;
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Null => "null",
        _ => $"a JSON {value.ValueKind.ToString().ToLowerInvariant()} ({value.GetRawText()})",
    };

    [GeneratedRegex("^[A-Za-z0-9]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RestApiIdPattern();

    [GeneratedRegex("^vpce-[0-9a-f]{8,17}$", RegexOptions.CultureInvariant)]
    private static partial Regex VpcEndpointIdPattern();
}
