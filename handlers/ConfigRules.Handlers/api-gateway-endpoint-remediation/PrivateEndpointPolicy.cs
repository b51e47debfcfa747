using System.Text;
using System.Text.Json;

namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>
/// The resource policy of a private API. A private API answers only what its policy allows, so the policy must
/// let the chosen VPC endpoints in. Ours follows API Gateway's documented pattern for private APIs: deny
/// execute-api:Invoke unless aws:SourceVpce is one of the endpoints, allow it when it is. Statements already
/// in the API's policy are kept (their denies still apply); our two statements, found by Sid, are replaced.
/// </summary>
public static class PrivateEndpointPolicy
{
    public const string DenySid = "ConfigRulesDenyOutsideVpcEndpoints";
    public const string AllowSid = "ConfigRulesAllowVpcEndpoints";
    private const string InvokeAction = "execute-api:Invoke";
    private const string AllResources = "execute-api:/*";

    /// <summary>
    /// Reads the policy as GetRestApi returns it. API Gateway returns the document with its quotes escaped
    /// (<c>{\"Version\":...}</c> once the JSON string is decoded), so both forms are accepted.
    /// </summary>
    public static JsonDocument? Read(string? policy, string restApiId)
    {
        if (string.IsNullOrWhiteSpace(policy)) return null;
        if (TryParse(policy, out var document)) return document;
        if (TryParse(policy.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal), out document))
            return document;
        throw new UnsafeRemediationException(
            $"REST API '{restApiId}' has a resource policy that is not a JSON policy document; it cannot be extended safely. Fix or remove the policy, then run the remediation again.");
    }

    /// <summary>Whether the policy already limits callers by VPC endpoint or VPC (aws:SourceVpce / aws:SourceVpc).</summary>
    public static bool RestrictsToVpc(JsonElement policy)
    {
        foreach (var statement in Statements(policy))
        {
            if (!statement.TryGetProperty("Condition", out var condition) || condition.ValueKind != JsonValueKind.Object) continue;
            foreach (var @operator in condition.EnumerateObject())
            {
                if (@operator.Value.ValueKind != JsonValueKind.Object) continue;
                foreach (var key in @operator.Value.EnumerateObject())
                {
                    if (key.Name.Equals("aws:SourceVpce", StringComparison.OrdinalIgnoreCase) ||
                        key.Name.Equals("aws:SourceVpc", StringComparison.OrdinalIgnoreCase))
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>The existing policy (or none) with our two statements for the given VPC endpoints.</summary>
    public static string Build(JsonElement? existing, IReadOnlyList<string> vpcEndpointIds)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("Version", existing is { } e && e.TryGetProperty("Version", out var version) && version.ValueKind == JsonValueKind.String
                ? version.GetString()
                : "2012-10-17");
            if (existing is { } withId && withId.TryGetProperty("Id", out var id)) { writer.WritePropertyName("Id"); id.WriteTo(writer); }
            writer.WriteStartArray("Statement");
            if (existing is { } old)
            {
                foreach (var statement in Statements(old))
                {
                    if (IsOurs(statement)) continue;
                    statement.WriteTo(writer);
                }
            }
            WriteStatement(writer, DenySid, "Deny", "StringNotEquals", vpcEndpointIds);
            WriteStatement(writer, AllowSid, "Allow", "StringEquals", vpcEndpointIds);
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteStatement(Utf8JsonWriter writer, string sid, string effect, string @operator, IReadOnlyList<string> vpcEndpointIds)
    {
        writer.WriteStartObject();
        writer.WriteString("Sid", sid);
        writer.WriteString("Effect", effect);
        writer.WriteString("Principal", "*");
        writer.WriteString("Action", InvokeAction);
        writer.WriteString("Resource", AllResources);
        writer.WriteStartObject("Condition");
        writer.WriteStartObject(@operator);
        writer.WriteStartArray("aws:SourceVpce");
        foreach (var endpoint in vpcEndpointIds) writer.WriteStringValue(endpoint);
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static bool IsOurs(JsonElement statement) =>
        statement.ValueKind == JsonValueKind.Object && statement.TryGetProperty("Sid", out var sid) &&
        sid.ValueKind == JsonValueKind.String && sid.GetString() is DenySid or AllowSid;

    private static List<JsonElement> Statements(JsonElement policy)
    {
        if (policy.ValueKind != JsonValueKind.Object || !policy.TryGetProperty("Statement", out var statements)) return [];
        return statements.ValueKind switch
        {
            JsonValueKind.Array => statements.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).ToList(),
            JsonValueKind.Object => [statements],
            _ => [],
        };
    }

    private static bool TryParse(string text, out JsonDocument? document)
    {
        try
        {
            document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return true;
            document.Dispose();
        }
        catch (JsonException)
        {
            // Not JSON in this form; the caller tries the escaped form or reports the policy as unreadable.
        }
        document = null;
        return false;
    }
}
