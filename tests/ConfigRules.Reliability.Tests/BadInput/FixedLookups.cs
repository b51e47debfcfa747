using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;

namespace ConfigRules.Reliability.Tests.BadInput;

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
