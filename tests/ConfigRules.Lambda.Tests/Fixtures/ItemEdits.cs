using System.Text;
using System.Text.Json.Nodes;

namespace ConfigRules.Lambda.Tests.Fixtures;

/// <summary>
/// Small edits on fixture items and events: numbers written exactly as AWS sends them (<c>128.0</c> from
/// select-resource-config and the API shape), configuration and supplementary values, and a Config event
/// re-addressed to its own result token (and rule name) so several invocations can share one process and account.
/// </summary>
public static class ItemEdits
{
    /// <summary>A JSON number kept exactly as written: <c>Number("128.0")</c> serializes as <c>128.0</c>, not <c>128</c>.</summary>
    public static JsonNode Number(string literal) =>
        JsonNode.Parse(literal) is JsonValue value ? value : throw new ArgumentException($"'{literal}' is not a JSON number.", nameof(literal));

    /// <summary>Sets (or, with null, clears) configuration fields of an item in the invoking-event shape.</summary>
    public static JsonObject Configure(this JsonObject item, params (string Name, JsonNode? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(item);
        var configuration = item["configuration"] as JsonObject
            ?? throw new ArgumentException("The item has no configuration object to edit.", nameof(item));
        configuration.Set(fields);
        return item;
    }

    /// <summary>Sets (or, with null, clears) members of a JSON object, such as a configuration for the fake account.</summary>
    public static JsonObject Set(this JsonObject target, params (string Name, JsonNode? Value)[] fields)
    {
        ArgumentNullException.ThrowIfNull(target);
        foreach (var (name, value) in fields) target[name] = value;
        return target;
    }

    /// <summary>Sets one supplementaryConfiguration value (an object in change notifications).</summary>
    public static JsonObject Supplementary(this JsonObject item, string key, JsonNode value)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item["supplementaryConfiguration"] is not JsonObject supplementary) item["supplementaryConfiguration"] = supplementary = [];
        supplementary[key] = value;
        return item;
    }

    /// <summary>The event with its own <c>resultToken</c> and, when given, <c>configRuleName</c>.</summary>
    public static byte[] Addressed(byte[] configEvent, string resultToken, string? configRuleName = null)
    {
        var root = JsonNode.Parse(configEvent)?.AsObject() ?? throw new ArgumentException("The event is not a JSON object.", nameof(configEvent));
        root["resultToken"] = resultToken;
        if (configRuleName is not null) root["configRuleName"] = configRuleName;
        return Encoding.UTF8.GetBytes(root.ToJsonString());
    }
}
