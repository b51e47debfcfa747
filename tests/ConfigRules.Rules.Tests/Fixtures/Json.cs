using System.Text.Json.Nodes;

namespace ConfigRules.Rules.Tests.Fixtures;

/// <summary>JSON values exactly as written, so <c>128.0</c> stays <c>128.0</c> on the wire (a double value would print as 128).</summary>
public static class Json
{
    public static JsonNode Raw(string json) => JsonNode.Parse(json) ?? throw new ArgumentException("null is not a value here", nameof(json));
}
