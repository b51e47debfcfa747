using System.Text.Json.Serialization;

namespace ConfigRules.Aws.ApiGateway;

// API Gateway's restJson1 shapes (camelCase members, as in the service model), only the members used here.

internal sealed class RestApiShape
{
    [JsonPropertyName("id")] public string? Id { get; set; }
    [JsonPropertyName("name")] public string? Name { get; set; }
    [JsonPropertyName("endpointConfiguration")] public EndpointConfigurationShape? EndpointConfiguration { get; set; }
    [JsonPropertyName("policy")] public string? Policy { get; set; }
}

internal sealed class EndpointConfigurationShape
{
    [JsonPropertyName("types")] public List<string>? Types { get; set; }
    [JsonPropertyName("vpcEndpointIds")] public List<string>? VpcEndpointIds { get; set; }
}

internal sealed class UpdateRestApiInput
{
    [JsonPropertyName("patchOperations")] public required List<PatchOperationShape> PatchOperations { get; init; }
}

internal sealed class PatchOperationShape
{
    [JsonPropertyName("op")] public required string Op { get; init; }
    [JsonPropertyName("path")] public required string Path { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(RestApiShape))]
[JsonSerializable(typeof(UpdateRestApiInput))]
internal sealed partial class ApiGatewayJsonContext : JsonSerializerContext;
