using ConfigRules.Aws.Iam;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>
/// lambda-execution-role-check's roles from IAM: <c>GetRole</c> (ARN, name, permissions boundary) and
/// <c>ListAttachedRolePolicies</c> (every page), by the role name at the end of the ARN (paths included:
/// <c>role/service-role/team/app</c> is the role <c>app</c>; IAM role names are unique whatever the path).
/// <para>
/// Many functions share a role, so answers are kept for a short time (<see cref="CachedLiveLookup{TClient, TValue}.CacheDuration"/>): a periodic
/// evaluation of hundreds of functions asks IAM once per role instead of once per function, while a change
/// made to a role is seen by the next evaluation after that. Failures are not cached and propagate.
/// </para>
/// </summary>
public sealed class IamExecutionRoleLookup(IamClient client, TimeProvider? time = null)
    : CachedLiveLookup<IamClient, ExecutionRoleDetails?>(client, time), IExecutionRoleLookup
{
    public ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(roleArn);
        return CachedAsync(roleArn, token => ReadAsync(roleArn, token), cancellationToken);
    }

    private async Task<ExecutionRoleDetails?> ReadAsync(string roleArn, CancellationToken cancellationToken)
    {
        // Lambda only accepts role ARNs; anything else names no role IAM could have.
        if (!RoleArn.TryGetRoleName(roleArn, out var roleName)) return null;

        var role = await Client.GetRoleAsync(roleName, cancellationToken).ConfigureAwait(false);
        if (role is null) return null;
        var policies = await Client.ListAttachedRolePoliciesAsync(roleName, cancellationToken).ConfigureAwait(false);
        return new ExecutionRoleDetails(role.Arn, role.RoleName, role.PermissionsBoundaryArn, [.. policies.Select(p => p.PolicyArn)]);
    }
}
