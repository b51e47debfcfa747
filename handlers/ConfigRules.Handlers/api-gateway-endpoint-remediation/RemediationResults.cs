namespace ConfigRules.Handlers.EndpointRemediation;

/// <summary>The remediation's response: what was found and what was done.</summary>
public sealed class RemediationResult
{
    public const string AlreadyPrivate = "already-private";
    public const string MadePrivate = "made-private";

    public required string RestApiId { get; init; }
    public string? Name { get; init; }
    /// <summary>already-private or made-private.</summary>
    public required string Outcome { get; init; }
    public required IReadOnlyList<string> PreviousEndpointTypes { get; init; }
    public required IReadOnlyList<string> EndpointTypes { get; init; }
    public required IReadOnlyList<string> VpcEndpointIds { get; init; }
    public required IReadOnlyList<string> VpcEndpointIdsAdded { get; init; }
    /// <summary>kept, created or extended.</summary>
    public required string ResourcePolicy { get; init; }
    public required IReadOnlyList<PatchOperationSummary> PatchOperations { get; init; }
    public required string Message { get; init; }
}

public sealed record PatchOperationSummary(string Op, string Path, string? Value);

/// <summary>The fast path's response: whether a re-evaluation was asked for, and of which rules.</summary>
public sealed class FastPathResult
{
    public const string EvaluationStarted = "evaluation-started";

    /// <summary>evaluation-started or ignored.</summary>
    public required string Outcome { get; init; }
    public required string EventName { get; init; }
    public string? RestApiId { get; init; }
    /// <summary>The catalog id of the rule the fast path re-evaluates (ENDPOINT_RULE_NAME).</summary>
    public required string EndpointRule { get; init; }
    /// <summary>The deployed Config rules of that id that were asked to re-evaluate.</summary>
    public IReadOnlyList<string> ConfigRuleNames { get; init; } = [];
    public required string Message { get; init; }
}
