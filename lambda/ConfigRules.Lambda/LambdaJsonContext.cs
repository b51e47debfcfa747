using System.Text.Json.Serialization;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Lambda;

/// <summary>Source-generated serialization of the bootstrap's responses.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InvocationReport))]
internal sealed partial class LambdaJsonContext : JsonSerializerContext;
