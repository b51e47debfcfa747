namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>What the remediation will do to one API, decided before anything is changed.</summary>
public sealed record RemediationPlan
{
    public required bool AlreadyPrivate { get; init; }
    public required IReadOnlyList<RestApiPatchOperation> Operations { get; init; }
    public IReadOnlyList<string> VpcEndpointIdsAdded { get; init; } = [];
    /// <summary>none, kept, created or extended.</summary>
    public required string ResourcePolicy { get; init; }
    public required string Message { get; init; }
}

/// <summary>
/// Plans the UpdateRestApi patch that makes a REST API PRIVATE. API Gateway allows edge-optimized to private and
/// Regional to private directly ("Change a public or private API endpoint type", API Gateway developer guide),
/// by replacing <c>/endpointConfiguration/types/&lt;CURRENT&gt;</c> with PRIVATE; it refuses another type change
/// until one completes, so a step through REGIONAL would only add a failure mode. The type change, the VPC
/// endpoint associations and the resource policy go in one UpdateRestApi call: the API is never private without
/// the policy that lets its callers in.
/// </summary>
public static class EndpointRemediationPlanner
{
    public const string Private = "PRIVATE";
    private static readonly string[] ConvertibleTypes = ["EDGE", "REGIONAL"];

    public static RemediationPlan Plan(RestApiEndpointState api, IReadOnlyList<string> vpcEndpointIds)
    {
        var types = api.EndpointTypes;
        if (types.Count == 1 && string.Equals(types[0], Private, StringComparison.Ordinal))
        {
            return new RemediationPlan
            {
                AlreadyPrivate = true,
                Operations = [],
                ResourcePolicy = "kept",
                Message = $"REST API '{api.Id}' is already private: nothing to do.",
            };
        }
        if (types.Count != 1)
            throw new UnsafeRemediationException(
                $"REST API '{api.Id}' reports endpoint types [{string.Join(", ", types)}]: expected exactly one of EDGE, REGIONAL or PRIVATE, so the transition to PRIVATE cannot be chosen. The API was not changed.");
        var current = types[0];
        if (!ConvertibleTypes.Contains(current, StringComparer.Ordinal))
            throw new UnsafeRemediationException(
                $"REST API '{api.Id}' has endpoint type '{current}': API Gateway converts only EDGE and REGIONAL APIs to PRIVATE. The API was not changed.");

        var changeType = new RestApiPatchOperation("replace", $"/endpointConfiguration/types/{current}", Private);
        using var existingPolicy = PrivateEndpointPolicy.Read(api.Policy, api.Id);

        if (vpcEndpointIds.Count == 0)
        {
            // A private API answers only what its resource policy allows. Without VPC endpoints to allow, only a
            // policy that already admits callers from a VPC keeps the API usable once it is private.
            if (existingPolicy is null || !PrivateEndpointPolicy.RestrictsToVpc(existingPolicy.RootElement))
                throw new UnsafeRemediationException(
                    $"REST API '{api.Id}' is {current} and no VpcEndpointIds were given. Made PRIVATE now, it would answer no one: " +
                    (existingPolicy is null ? "it has no resource policy" : "its resource policy admits no VPC or VPC endpoint (aws:SourceVpce / aws:SourceVpc)") +
                    ". Give the remediation the VPC endpoint ids (execute-api interface endpoints) that should reach the API, or add a policy allowing them, then run it again. The API was not changed.");
            return new RemediationPlan
            {
                AlreadyPrivate = false,
                Operations = [changeType],
                ResourcePolicy = "kept",
                Message = $"REST API '{api.Id}' changed from {current} to PRIVATE; its resource policy already admits callers from a VPC and was kept.",
            };
        }

        var added = vpcEndpointIds.Where(id => !api.VpcEndpointIds.Contains(id, StringComparer.Ordinal)).ToList();
        var policy = PrivateEndpointPolicy.Build(existingPolicy?.RootElement, vpcEndpointIds);
        return new RemediationPlan
        {
            AlreadyPrivate = false,
            Operations =
            [
                changeType,
                .. added.Select(id => new RestApiPatchOperation("add", "/endpointConfiguration/vpcEndpointIds", id)),
                new RestApiPatchOperation("replace", "/policy", policy),
            ],
            VpcEndpointIdsAdded = added,
            ResourcePolicy = existingPolicy is null ? "created" : "extended",
            Message = $"REST API '{api.Id}' changed from {current} to PRIVATE, reachable through {string.Join(", ", vpcEndpointIds)} only. Redeploy its stages for the resource policy to take effect.",
        };
    }
}
