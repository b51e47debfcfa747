using ConfigRules.Handlers.EndpointRemediation;

namespace ConfigRules.Handlers.Tests.Fakes;

/// <summary>REST APIs in memory, applying the three patch paths the remediation uses as API Gateway does.</summary>
public sealed class InMemoryRestApis : IRestApiEndpointApi
{
    private readonly Dictionary<string, RestApiEndpointState> apis = new(StringComparer.Ordinal);
    public List<(string RestApiId, IReadOnlyList<RestApiPatchOperation> Operations)> Updates { get; } = [];

    public InMemoryRestApis With(RestApiEndpointState api)
    {
        apis[api.Id] = api;
        return this;
    }

    public RestApiEndpointState this[string id] => apis[id];

    public Task<RestApiEndpointState?> GetRestApiAsync(string restApiId, CancellationToken cancellationToken) =>
        Task.FromResult(apis.GetValueOrDefault(restApiId));

    public Task<RestApiEndpointState> UpdateRestApiAsync(string restApiId, IReadOnlyList<RestApiPatchOperation> operations, CancellationToken cancellationToken)
    {
        Updates.Add((restApiId, operations));
        var api = apis[restApiId];
        foreach (var operation in operations)
        {
            api = operation switch
            {
                { Op: "replace", Path: var path } when path.StartsWith("/endpointConfiguration/types/", StringComparison.Ordinal) =>
                    api with { EndpointTypes = [operation.Value!] },
                { Op: "add", Path: "/endpointConfiguration/vpcEndpointIds" } => api with { VpcEndpointIds = [.. api.VpcEndpointIds, operation.Value!] },
                { Op: "replace", Path: "/policy" } => api with { Policy = operation.Value },
                _ => throw new InvalidOperationException($"Unexpected patch operation {operation}."),
            };
        }
        apis[restApiId] = api;
        return Task.FromResult(api);
    }
}

public sealed class RecordingEvaluationStarter : IConfigRuleEvaluationStarter
{
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> configRuleNames, CancellationToken cancellationToken)
    {
        Calls.Add(configRuleNames);
        return Task.CompletedTask;
    }
}
