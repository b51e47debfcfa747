using ConfigRules.Aws.ApiGateway;
using ConfigRules.Handlers.EndpointRemediation;
using AwsRestApiNotFound = ConfigRules.Aws.ApiGateway.RestApiNotFoundException;

namespace ConfigRules.Handlers.Aws;

/// <summary>The remediation's GetRestApi and UpdateRestApi over the shared API Gateway client.</summary>
public sealed class ApiGatewayRestApis(ApiGatewayClient client) : IRestApiEndpointApi
{
    public async Task<RestApiEndpointState?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken)
    {
        try
        {
            return ToState(await client.GetRestApiAsync(restApiId, cancellationToken));
        }
        catch (AwsRestApiNotFound)
        {
            // Absence is an answer here: the handler reports it as RestApiNotFoundException with its own message.
            return null;
        }
    }

    public async Task<RestApiEndpointState> UpdateRestApiAsync(string restApiId, IReadOnlyList<RestApiPatchOperation> operations, CancellationToken cancellationToken)
    {
        try
        {
            var updated = await client.UpdateRestApiAsync(restApiId,
                [.. operations.Select(o => new PatchOperation(o.Op, o.Path, o.Value))], cancellationToken);
            return ToState(updated);
        }
        catch (AwsRestApiNotFound e)
        {
            // Deleted between GetRestApi and UpdateRestApi.
            throw new EndpointRemediation.RestApiNotFoundException(restApiId, e);
        }
    }

    private static RestApiEndpointState ToState(RestApiDescription api) =>
        new(api.Id, api.Name, api.EndpointTypes, api.VpcEndpointIds, api.Policy);
}
