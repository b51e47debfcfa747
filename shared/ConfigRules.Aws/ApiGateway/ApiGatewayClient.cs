using System.Text.Json;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Aws.Protocols;
using ConfigRules.Aws.Transport;

namespace ConfigRules.Aws.ApiGateway;

/// <summary>A REST API's identity and endpoint settings.</summary>
public sealed record RestApiDescription(
    string Id, string? Name, IReadOnlyList<string> EndpointTypes, IReadOnlyList<string> VpcEndpointIds, string? Policy);

/// <summary>One JSON-Patch style operation of UpdateRestApi ("replace", "/endpointConfiguration/types/EDGE", "PRIVATE").</summary>
public sealed record PatchOperation(string Op, string Path, string? Value = null);

/// <summary>The REST API does not exist (API Gateway NotFoundException).</summary>
public sealed class RestApiNotFoundException(string restApiId, AwsServiceException inner)
    : Framework.Events.ConfigRulesException("NotFoundException", $"REST API '{restApiId}' does not exist: {inner.Message}", inner)
{
    public string RestApiId { get; } = restApiId;
}

/// <summary>Amazon API Gateway (REST APIs, restJson1): read a REST API and patch it.</summary>
public sealed class ApiGatewayClient(AwsTransport transport, AwsEndpoint endpoint)
{
    private readonly RestJsonProtocol _protocol = new(transport, AwsService.ApiGateway, endpoint);

    public static ApiGatewayClient Create(AwsClientContext context) => new(context.Transport, context.EndpointFor(AwsService.ApiGateway));

    /// <summary>GetRestApi (<c>GET /restapis/{id}</c>); <see cref="RestApiNotFoundException"/> when it does not exist.</summary>
    public Task<RestApiDescription> GetRestApiAsync(string restApiId, CancellationToken cancellationToken) =>
        SendAsync("GetRestApi", HttpMethod.Get, restApiId, null, cancellationToken);

    /// <summary>UpdateRestApi (<c>PATCH /restapis/{id}</c>, body <c>{"patchOperations":[...]}</c>); returns the API as updated.</summary>
    public Task<RestApiDescription> UpdateRestApiAsync(string restApiId, IReadOnlyList<PatchOperation> patchOperations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(patchOperations);
        if (patchOperations.Count == 0) throw new ArgumentException("UpdateRestApi needs at least one patch operation.", nameof(patchOperations));
        var body = new UpdateRestApiInput
        {
            PatchOperations = [.. patchOperations.Select(p => new PatchOperationShape { Op = p.Op, Path = p.Path, Value = p.Value })],
        };
        return SendAsync("UpdateRestApi", HttpMethod.Patch, restApiId,
            JsonSerializer.SerializeToUtf8Bytes(body, ApiGatewayJsonContext.Default.UpdateRestApiInput), cancellationToken);
    }

    private async Task<RestApiDescription> SendAsync(string operation, HttpMethod method, string restApiId, byte[]? body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(restApiId);
        RestApiShape api;
        try
        {
            api = await _protocol.SendAsync(operation, method, "/restapis/" + RestJsonProtocol.Label(restApiId), body,
                ApiGatewayJsonContext.Default.RestApiShape, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsResourceNotFoundException ex)
        {
            throw new RestApiNotFoundException(restApiId, ex);
        }
        return new RestApiDescription(
            api.Id ?? restApiId, api.Name, api.EndpointConfiguration?.Types ?? [], api.EndpointConfiguration?.VpcEndpointIds ?? [], api.Policy);
    }
}
