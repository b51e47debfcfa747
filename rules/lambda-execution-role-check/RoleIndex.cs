using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>
/// lambda-execution-role-check's view of IAM offline: the <c>AWS::IAM::Role</c> items of the same input (or the
/// roles a template defines), reduced to the few fields the rule needs (ARN, name, permissions boundary, attached
/// managed policies). Bounded by the number of roles (IAM caps them per account), not by the size of the input.
/// </summary>
public sealed class RoleIndex(OfflineSource source)
    : KeyedItemIndex<IExecutionRoleLookup, ExecutionRoleDetails>(RoleResourceType, source, StringComparer.OrdinalIgnoreCase), IExecutionRoleLookup
{
    public const string RoleResourceType = "AWS::IAM::Role";

    protected override (string Key, ExecutionRoleDetails Value)? Read(ConfigurationItem item)
    {
        var configuration = item.Configuration;
        var arn = configuration.GetStringOrNull("arn") ?? item.Arn;
        if (string.IsNullOrEmpty(arn)) return null;
        var boundary = configuration.TryGetPath("permissionsBoundary.permissionsBoundaryArn", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        var policies = new List<string>();
        if (configuration.TryGetProperty("attachedManagedPolicies", out var attached) && attached.ValueKind == JsonValueKind.Array)
        {
            foreach (var policy in attached.EnumerateArray())
            {
                if (policy.GetStringOrNull("policyArn") is { } policyArn) policies.Add(policyArn);
            }
        }
        return (arn, new ExecutionRoleDetails(arn, configuration.GetStringOrNull("roleName") ?? item.ResourceName ?? item.ResourceId, boundary, policies));
    }

    protected override bool SameAnswer(ExecutionRoleDetails known, ExecutionRoleDetails read) =>
        known.RoleName == read.RoleName && known.PermissionsBoundaryArn == read.PermissionsBoundaryArn &&
        known.AttachedPolicyArns.SequenceEqual(read.AttachedPolicyArns, StringComparer.Ordinal);

    /// <summary>The role, or that the input does not hold it (as a value: most functions' roles may be missing offline).</summary>
    public ValueTask<LookupResult<ExecutionRoleDetails?>> FindRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Find(roleArn, () => $"The execution role {roleArn} is not {Source.WhereToFind(RoleResourceType)}."));

    /// <summary>For callers without a verdict of their own: "not in the input" as a <see cref="NotInInputException"/>.</summary>
    public async ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        (await FindRoleAsync(roleArn, cancellationToken).ConfigureAwait(false)).ValueOrThrow();
}
