using ConfigRules.Framework.Parameters;
using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>lambda-execution-role-check's parameters, validated.</summary>
/// <param name="AllowedRoleArnPatterns">Role ARN patterns with <c>*</c> wildcards; empty: any role.</param>
/// <param name="ForbiddenPolicyArns">Managed policy ARNs that must not be attached to the role.</param>
public sealed record LambdaExecutionRoleCheckParameters(
    IReadOnlyList<string> AllowedRoleArnPatterns,
    IReadOnlyList<string> ForbiddenPolicyArns,
    bool RequirePermissionsBoundary)
{
    /// <summary>True when judging needs the role itself (its policies or boundary), not just its ARN.</summary>
    public bool NeedsRoleDetails => ForbiddenPolicyArns.Count > 0 || RequirePermissionsBoundary;

    public bool AllowsRole(string roleArn) =>
        AllowedRoleArnPatterns.Count == 0 || AllowedRoleArnPatterns.Any(pattern => ArnWildcard.IsMatch(pattern, roleArn));

    internal static LambdaExecutionRoleCheckParameters Read(ParameterReader reader)
    {
        var patterns = reader.GetList("allowedRoleArnPatterns").Distinct(StringComparer.Ordinal).ToArray();
        Report(reader, "allowedRoleArnPatterns", patterns.Where(p => !IsRolePattern(p)),
            "role ARN patterns starting with arn: or * (for example arn:aws:iam::*:role/app-*)");

        var forbidden = reader.GetList("forbiddenPolicyArns").Distinct(StringComparer.Ordinal).ToArray();
        Report(reader, "forbiddenPolicyArns", forbidden.Where(p => !IsPolicyArn(p)),
            "managed policy ARNs without wildcards (for example arn:aws:iam::aws:policy/AdministratorAccess)");

        var boundary = reader.GetBoolean("requirePermissionsBoundary") ?? false;
        return new LambdaExecutionRoleCheckParameters(patterns, forbidden, boundary);
    }

    private static bool IsRolePattern(string pattern) =>
        (pattern.StartsWith("arn:", StringComparison.Ordinal) || pattern.StartsWith('*')) && !pattern.Any(char.IsWhiteSpace);

    private static bool IsPolicyArn(string arn) =>
        arn.StartsWith("arn:", StringComparison.Ordinal) && arn.Contains(":policy/", StringComparison.Ordinal) &&
        !arn.Contains('*') && !arn.Any(char.IsWhiteSpace);

    private static void Report(ParameterReader reader, string name, IEnumerable<string> bad, string expected)
    {
        var list = bad.ToArray();
        if (list.Length == 0) return;
        reader.AddProblem(
            $"parameter '{name}' has {(list.Length == 1 ? "an entry" : $"{list.Length} entries")} that {(list.Length == 1 ? "is" : "are")} not valid: " +
            $"{TextShortening.QuotedList(list, 60)}; expected a comma-separated list of {expected}.");
    }
}
