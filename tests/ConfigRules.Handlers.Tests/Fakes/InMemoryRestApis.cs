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

/// <summary>The account's Config rules in memory: DescribeConfigRules lists <see cref="Rules"/>, StartConfigRulesEvaluation is recorded.</summary>
public sealed class InMemoryConfigRules : IConfigRulesApi
{
    public List<string> Rules { get; } = [];
    public int DescribeCalls { get; private set; }
    public List<IReadOnlyList<string>> Calls { get; } = [];

    public InMemoryConfigRules With(params string[] ruleNames)
    {
        Rules.AddRange(ruleNames);
        return this;
    }

    public Task<IReadOnlyList<string>> DescribeConfigRuleNamesAsync(CancellationToken cancellationToken)
    {
        DescribeCalls++;
        return Task.FromResult<IReadOnlyList<string>>([.. Rules]);
    }

    public Task StartConfigRulesEvaluationAsync(IReadOnlyList<string> configRuleNames, CancellationToken cancellationToken)
    {
        if (configRuleNames.Count is < 1 or > EndpointRuleFastPath.MaxRulesPerCall)
            throw new InvalidOperationException($"StartConfigRulesEvaluation takes 1 to 25 rule names; {configRuleNames.Count} were given.");
        Calls.Add(configRuleNames);
        return Task.CompletedTask;
    }
}
