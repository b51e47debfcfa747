using System.Text.Json.Serialization;
using ConfigRules.Handlers.ComplianceNotifier;
using ConfigRules.Handlers.EndpointRemediation;

namespace ConfigRules.Handlers.Json;

/// <summary>Source-generated (reflection-free) serialization of the handlers' events, documents and responses.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ComplianceChangeEnvelope))]
[JsonSerializable(typeof(NotifierResult))]
[JsonSerializable(typeof(RemediationResult))]
[JsonSerializable(typeof(FastPathResult))]
public sealed partial class HandlersJsonContext : JsonSerializerContext;

/// <summary>
/// The subscribers' JSON document keeps every member, null included, so that its shape never varies.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(NoticeDocument))]
public sealed partial class NoticeJsonContext : JsonSerializerContext;
