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

    /// <summary>
    /// A cheap test on raw JSON before parsing: only items whose top-level <c>resourceType</c> is the role type can be
    /// roles. Only the item's own properties are looked at (nested values are skipped unread), because every function
    /// names its role in <c>relationships</c>: a text search would let each of them through to a full parse.
    /// </summary>
    public static bool MayBeRole(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return true; // not ours to judge: the parser says what is wrong
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isResourceType = IsResourceTypeName(ref reader);
                if (!reader.Read()) return true;
                // Escaped text cannot be compared byte for byte: let the parser decide.
                if (isResourceType && reader.TokenType == JsonTokenType.String &&
                    (reader.ValueIsEscaped || reader.ValueTextEquals("AWS::IAM::Role"u8))) return true;
                reader.Skip(); // nested values unread; a no-op on a string or number
            }
            return false;
        }
        catch (JsonException)
        {
            return true; // broken JSON is parsed, and reported, by the evaluation pass
        }
    }

    /// <summary>The mapper matches property names case-insensitively, so this does too; escaped names go to the parser.</summary>
    private static bool IsResourceTypeName(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || System.Text.Ascii.EqualsIgnoreCase(reader.ValueSpan, "resourceType"u8);

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
