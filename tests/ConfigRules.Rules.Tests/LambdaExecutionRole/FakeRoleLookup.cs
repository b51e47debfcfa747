using ConfigRules.Rules.LambdaExecutionRole;

namespace ConfigRules.Rules.Tests.LambdaExecutionRole;

/// <summary>Roles by ARN; an ARN not in the table does not exist.</summary>
internal sealed class FakeRoleLookup(params ExecutionRoleDetails[] roles) : IExecutionRoleLookup
{
    public List<string> Asked { get; } = [];

    public ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken)
    {
        Asked.Add(roleArn);
        return ValueTask.FromResult(roles.FirstOrDefault(r => r.Arn == roleArn));
    }
}
