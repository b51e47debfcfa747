using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>
/// lambda-execution-role-check's view of IAM offline: the <c>AWS::IAM::Role</c> items of the same input (or the
/// roles a template defines), reduced to the few fields the rule needs (ARN, name, permissions boundary, attached
/// managed policies). Bounded by the number of roles (IAM caps them per account), not by the size of the input.
/// </summary>
public sealed class RoleIndex(OfflineSource source) : RelatedItemIndex<IExecutionRoleLookup>([RoleResourceType], StringComparer.OrdinalIgnoreCase), IExecutionRoleLookup
{
    public const string RoleResourceType = "AWS::IAM::Role";

    private readonly Dictionary<string, ExecutionRoleDetails> _roles = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _roles.Count;

    public override IExecutionRoleLookup Service => this;

    public override bool ReportsReads => true;

    public override void Add(ConfigurationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.ResourceType != RoleResourceType || item.IsDeletedOrNotRecorded || !item.HasConfiguration) return;
        var configuration = item.Configuration;
        var arn = configuration.GetStringOrNull("arn") ?? item.Arn;
        if (string.IsNullOrEmpty(arn)) return;
        var boundary = configuration.TryGetPath("permissionsBoundary.permissionsBoundaryArn", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
        var policies = new List<string>();
        if (configuration.TryGetProperty("attachedManagedPolicies", out var attached) && attached.ValueKind == JsonValueKind.Array)
        {
            foreach (var policy in attached.EnumerateArray())
            {
                if (policy.GetStringOrNull("policyArn") is { } policyArn) policies.Add(policyArn);
            }
        }
        var role = new ExecutionRoleDetails(arn, configuration.GetStringOrNull("roleName") ?? item.ResourceName ?? item.ResourceId, boundary, policies);
        // The same role recorded again (another snapshot of it) changes no answer given before.
        if (_roles.TryGetValue(arn, out var known) && SameAnswer(known, role)) return;
        _roles[arn] = role;
        Stored(arn);
    }

    /// <summary>The role, or that the input does not hold it (as a value: most functions' roles may be missing offline).</summary>
    public ValueTask<LookupResult<ExecutionRoleDetails?>> FindRoleAsync(string roleArn, CancellationToken cancellationToken)
    {
        Answered(roleArn);
        return ValueTask.FromResult(_roles.TryGetValue(roleArn, out var role)
            ? LookupResult<ExecutionRoleDetails?>.Found(role)
            : LookupResult<ExecutionRoleDetails?>.NotInInput($"The execution role {roleArn} is not {source.WhereToFind(RoleResourceType)}."));
    }

    private static bool SameAnswer(ExecutionRoleDetails known, ExecutionRoleDetails role) =>
        known.RoleName == role.RoleName && known.PermissionsBoundaryArn == role.PermissionsBoundaryArn &&
        known.AttachedPolicyArns.SequenceEqual(role.AttachedPolicyArns, StringComparer.Ordinal);

    /// <summary>For callers without a verdict of their own: "not in the input" as a <see cref="NotInInputException"/>.</summary>
    public async ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        (await FindRoleAsync(roleArn, cancellationToken).ConfigureAwait(false)).ValueOrThrow();
}
