using System.Text.Json;
using System.Text.Json.Serialization;

namespace ConfigRules.Framework.Json;

/// <summary>Source-generated (reflection-free) serialization of every framework wire type.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowTrailingCommas = false,
    ReadCommentHandling = JsonCommentHandling.Disallow)]
[JsonSerializable(typeof(ConfigurationItemDocument))]
[JsonSerializable(typeof(List<ConfigurationItemDocument>))]
[JsonSerializable(typeof(ConfigRuleEventDocument))]
[JsonSerializable(typeof(InvokingEventDocument))]
[JsonSerializable(typeof(RuleParametersDocument))]
[JsonSerializable(typeof(JsonElement))]
public sealed partial class FrameworkJsonContext : JsonSerializerContext;
