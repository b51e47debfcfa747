using System.Text.Json.Serialization;

namespace ConfigRules.LambdaRuntime.Errors;

/// <summary>Source-generated serialization of the runtime's own wire types.</summary>
[JsonSerializable(typeof(ErrorReport))]
public sealed partial class RuntimeJsonContext : JsonSerializerContext;
