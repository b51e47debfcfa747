using System.Text.Json.Serialization;
using ConfigRules.Framework.Pipeline;

namespace ConfigRules.Hosting;

/// <summary>Source-generated serialization of the rule handler's responses.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(InvocationReport))]
internal sealed partial class HostingJsonContext : JsonSerializerContext;
