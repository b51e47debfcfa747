using System.Runtime.CompilerServices;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Pipeline;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;
using FrameworkEvaluation = ConfigRules.Framework.Evaluation.Evaluation;

namespace ConfigRules.Reliability.Tests.BadInput;

/// <summary>
/// Config in memory for bad-input tests: it serves one recorded item (for oversized and periodic events) and
/// records what is posted. No faults: these tests are about what the input alone can do.
/// </summary>
public sealed class RecordingConfigService(ConfigurationItem? recorded) : IConfigService
{
    private readonly List<FrameworkEvaluation> _posted = [];

    public IReadOnlyList<FrameworkEvaluation> Posted => _posted;

    public Task<ConfigurationItem?> GetLatestConfigurationItemAsync(string resourceType, string resourceId, CancellationToken cancellationToken) =>
        Task.FromResult(recorded is not null && recorded.ResourceType == resourceType && recorded.ResourceId == resourceId ? recorded : null);

    public async IAsyncEnumerable<ResourceKey> ListDiscoveredResourcesAsync(string resourceType, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (recorded is not null && recorded.ResourceType == resourceType) yield return new ResourceKey(recorded.ResourceType, recorded.ResourceId);
    }

    public Task<IReadOnlyList<ConfigurationItem>> BatchGetResourceConfigAsync(IReadOnlyList<ResourceKey> keys, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConfigurationItem>>(recorded is null ? [] : keys.Where(k => k.ResourceId == recorded.ResourceId).Select(_ => recorded).ToList());

    public async IAsyncEnumerable<ResourceKey> ListEvaluatedResourcesAsync(string configRuleName, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // GetComplianceDetailsByConfigRule refuses longer names with a ValidationException.
        if (configRuleName.Length is < 1 or > 64) throw new InvalidOperationException($"Config refuses a {configRuleName.Length}-character rule name here.");
        await Task.Yield();
        yield return new ResourceKey("AWS::Lambda::Function", "evaluated-before");
    }

    public Task PutEvaluationsAsync(IReadOnlyList<FrameworkEvaluation> evaluations, string resultToken, CancellationToken cancellationToken)
    {
        if (evaluations.Count is < 1 or > 100) throw new InvalidOperationException($"PutEvaluations takes 1 to 100 evaluations, not {evaluations.Count}.");
        // Config's own limits (service model): what it would refuse with a ValidationException on every retry.
        foreach (var e in evaluations)
        {
            if (e.ComplianceResourceType.Length is < 1 or > 256 || e.ComplianceResourceId.Length is < 1 or > 768)
                throw new InvalidOperationException($"Config refuses {e.ComplianceResourceType.Length}-character types or {e.ComplianceResourceId.Length}-character ids.");
        }
        lock (_posted) _posted.AddRange(evaluations);
        return Task.CompletedTask;
    }
}

/// <summary>Lookups that answer like a small account: reserved concurrency 5, roles with one policy and no boundary.</summary>
public sealed class FixedLookups : IFunctionConcurrencyLookup, IExecutionRoleLookup
{
    public string Source => "a fixed test answer";

    public ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken) => ValueTask.FromResult<int?>(5);

    public ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ExecutionRoleDetails?>(roleArn.EndsWith("missing", StringComparison.Ordinal)
            ? null
            : new ExecutionRoleDetails(roleArn, roleArn[(roleArn.LastIndexOf('/') + 1)..], null, ["arn:aws:iam::aws:policy/AdministratorAccess"]));
}
