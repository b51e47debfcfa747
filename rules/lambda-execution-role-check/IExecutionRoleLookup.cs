using ConfigRules.Framework.Rules;

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

    /// <summary>
    /// What the rule calls: the role (or null), or, offline, that the input does not hold it. A live lookup always
    /// answers; the offline index overrides this to say "not in the input" without an exception.
    /// </summary>
    async ValueTask<LookupResult<ExecutionRoleDetails?>> FindRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        LookupResult.Found(await GetRoleAsync(roleArn, cancellationToken).ConfigureAwait(false));
}
