namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>What the remediation needs to know of a REST API (GetRestApi).</summary>
public sealed record RestApiEndpointState(
    string Id,
    string? Name,
    IReadOnlyList<string> EndpointTypes,
    IReadOnlyList<string> VpcEndpointIds,
    string? Policy);

/// <summary>One JSON-Patch-like operation of UpdateRestApi.</summary>
public sealed record RestApiPatchOperation(string Op, string Path, string? Value);

/// <summary>The two API Gateway calls the remediation makes; implemented over the shared API Gateway client.</summary>
public interface IRestApiEndpointApi
{
    /// <returns>The API, or null when API Gateway answers NotFoundException.</returns>
    Task<RestApiEndpointState?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken);

    Task<RestApiEndpointState> UpdateRestApiAsync(string restApiId, IReadOnlyList<RestApiPatchOperation> operations, CancellationToken cancellationToken);
}
