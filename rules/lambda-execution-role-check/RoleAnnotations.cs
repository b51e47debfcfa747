using ConfigRules.Framework.Text;

namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>lambda-execution-role-check's findings, each one sentence: what is wrong with which role, and the fix.</summary>
internal static class RoleAnnotations
{
    public static string NotAllowed(string roleArn, IReadOnlyList<string> patterns) =>
        $"Execution role {Middle(roleArn)} matches no allowed pattern ({Join([.. patterns.Select(p => Middle(p, 60))], 40)}); use an approved role or extend lambda-execution-role-check's allowedRoleArnPatterns.";

    public static string DoesNotExist(string roleArn) =>
        $"Execution role {Middle(roleArn)} does not exist; create it or give the function an existing role.";

    public static string ForbiddenPolicies(string roleName, IReadOnlyList<string> policyArns) =>
        policyArns.Count == 1
            ? $"Execution role {roleName} has the forbidden policy {RoleArn.PolicyName(policyArns[0])} attached; detach it and grant only what the function needs."
            : $"Execution role {roleName} has forbidden policies {Join([.. policyArns.Select(RoleArn.PolicyName)], 60)} attached; detach them and grant only what the function needs.";

    public static string NoBoundary(string roleName) =>
        $"Execution role {roleName} has no permissions boundary, which is required; set PermissionsBoundary on the role.";

    public static string ArnAssignedAtDeployment(string roleName) =>
        $"Execution role {roleName} is created by the template: its policies and boundary comply, but its ARN, which allowedRoleArnPatterns judges, is not known before deployment.";

    /// <summary>What a compliant role was checked for, so the note claims no more than the rule looked at.</summary>
    public static string Passed(string roleName, LambdaExecutionRoleCheckParameters parameters)
    {
        var checks = new List<string>(3);
        if (parameters.AllowedRoleArnPatterns.Count > 0) checks.Add("matches an allowed pattern");
        if (parameters.ForbiddenPolicyArns.Count > 0) checks.Add("has no forbidden policy attached");
        if (parameters.RequirePermissionsBoundary) checks.Add("has a permissions boundary");
        return checks.Count switch
        {
            0 => $"Execution role {roleName}: no checks are configured.",
            1 => $"Execution role {roleName} {checks[0]}.",
            _ => $"Execution role {roleName} {string.Join(", ", checks.Take(checks.Count - 1))} and {checks[^1]}.",
        };
    }

    /// <summary>Long ARNs (paths run to 512 characters) keep their start and the role name at the end.</summary>
    private static string Middle(string text, int max = 80) =>
        TextShortening.ShortenMiddle(text, max);

    /// <summary>Values joined with commas, cut after about <paramref name="budget"/> characters with a count of the rest.</summary>
    private static string Join(string[] values, int budget)
    {
        var shown = new List<string>();
        var length = 0;
        foreach (var value in values)
        {
            if (shown.Count > 0 && length + value.Length > budget) break;
            shown.Add(value);
            length += value.Length + 2;
        }
        var rest = values.Length - shown.Count;
        return string.Join(", ", shown) + (rest > 0 ? $" and {rest} more" : "");
    }
}
