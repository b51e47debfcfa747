namespace ConfigRules.Rules.LambdaExecutionRole;

/// <summary>Reads IAM role ARNs: <c>arn:{partition}:iam::{account}:role/{path/}{name}</c>.</summary>
public static class RoleArn
{
    /// <summary>The role name (the last path segment), which IAM's GetRole takes; false when the text is not a role ARN.</summary>
    public static bool TryGetRoleName(string arn, out string roleName)
    {
        roleName = "";
        if (string.IsNullOrEmpty(arn)) return false;
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "iam" ||
            !parts[5].StartsWith("role/", StringComparison.Ordinal))
            return false;
        var name = parts[5][(parts[5].LastIndexOf('/') + 1)..];
        if (name.Length == 0) return false;
        roleName = name;
        return true;
    }

    /// <summary>The role name when the ARN is a role ARN, else the text itself (for annotations).</summary>
    public static string DisplayName(string arn) => TryGetRoleName(arn, out var name) ? name : arn;

    /// <summary>A managed policy's name (after the last '/'), for short annotations.</summary>
    public static string PolicyName(string policyArn)
    {
        var slash = policyArn.LastIndexOf('/');
        return slash >= 0 && slash < policyArn.Length - 1 ? policyArn[(slash + 1)..] : policyArn;
    }
}
