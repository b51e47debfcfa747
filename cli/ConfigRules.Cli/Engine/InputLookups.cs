using System.Text.Json;
using ConfigRules.Framework.Model;
using ConfigRules.Rules.LambdaConcurrency;
using ConfigRules.Rules.LambdaExecutionRole;

namespace ConfigRules.Cli.Engine;

/// <summary>
/// lambda-execution-role-check's view of IAM offline: the <c>AWS::IAM::Role</c> items of the same input, reduced
/// to the few fields the rule needs (ARN, name, permissions boundary, attached managed policies). Bounded by the
/// number of roles (IAM caps them per account), not by the size of the input.
/// </summary>
/// <param name="whereToFind">Completes "The execution role ARN is not ...": where roles come from in this input.</param>
public sealed class RoleIndex(string whereToFind = "among the input's AWS::IAM::Role items; add the role's configuration item to check it") : IExecutionRoleLookup
{
    public const string RoleResourceType = "AWS::IAM::Role";

    private readonly Dictionary<string, ExecutionRoleDetails> _roles = new(StringComparer.OrdinalIgnoreCase);

    public int Count => _roles.Count;

    /// <summary>A cheap test on raw JSON before parsing: only items that mention the role type can be roles.</summary>
    public static bool MayBeRole(ReadOnlySpan<byte> utf8Json) => utf8Json.IndexOf("AWS::IAM::Role"u8) >= 0;

    public void Add(ConfigurationItem item)
    {
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
        _roles[arn] = new ExecutionRoleDetails(arn, configuration.GetStringOrNull("roleName") ?? item.ResourceName ?? item.ResourceId, boundary, policies);
    }

    public ValueTask<ExecutionRoleDetails?> GetRoleAsync(string roleArn, CancellationToken cancellationToken) =>
        _roles.TryGetValue(roleArn, out var role)
            ? ValueTask.FromResult<ExecutionRoleDetails?>(role)
            : throw new NotInInputException($"The execution role {roleArn} is not {whereToFind}.");
}

/// <summary>
/// In a template the answer is exact: a function's <c>ReservedConcurrentExecutions</c> is written into its item's
/// supplementary configuration when set, and a function without it has none. Unknowable values never reach the
/// rule (the template's unknown-field note answers first).
/// </summary>
public sealed class TemplateConcurrencyLookup : IFunctionConcurrencyLookup
{
    public ValueTask<int?> GetReservedConcurrencyAsync(string functionName, CancellationToken cancellationToken) =>
        ValueTask.FromResult<int?>(null);
}
