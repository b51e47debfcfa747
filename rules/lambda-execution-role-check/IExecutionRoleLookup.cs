namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>What lambda-execution-role-check needs to know about a role.</summary>
public sealed record ExecutionRoleDetails(
    string Arn,
    string RoleName,
    string? PermissionsBoundaryArn,
    IReadOnlyList<string> AttachedPolicyArns);

/// <summary>
/// Where lambda-execution-role-check reads a role: IAM GetRole and ListAttachedRolePolicies in the Lambda
/// host, the AWS::IAM::Role items of the same input in the CLI.
/// </summary>
public interface IExecutionRoleLookup
{
    /// <summary>The role named by the ARN, or null when it does not exist.</summary>
    ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken);
}
