namespace ConfigRules.Rules.LambdaPublicAccess;

/// <summary>Why one Allow statement opens the function beyond its account: its subject, in words, and its kind.</summary>
public sealed record Exposure(PolicyStatement Statement, string Subject, bool IsPublicFunctionUrl);

/// <summary>
/// Judges resource-policy statements as lambda-public-access-check's contract reads them: an Allow statement is
/// exposed when it names everyone (<c>*</c> in any principal form, or any <c>NotPrincipal</c>) or an account that is
/// neither the function's own nor allowed, and carries no condition on the caller's source or organization. A public
/// function URL (auth type NONE) is reported as such, and excused when the parameter allows it.
/// </summary>
public static class PolicyExposure
{
    /// <summary>Condition keys that tie a grant to a source or an organization (IAM compares keys case-insensitively).</summary>
    public static readonly IReadOnlyList<string> ScopingKeys =
        ["aws:SourceAccount", "aws:SourceArn", "aws:SourceOwner", "aws:PrincipalOrgID", "aws:PrincipalAccount"];

    /// <summary>How a policy read from a template names the function's own account (CloudFormation's pseudo parameter).</summary>
    public const string TemplateOwnAccount = "${AWS::AccountId}";

    public static IReadOnlyList<Exposure> Find(
        IReadOnlyList<PolicyStatement> statements, string? ownAccount, IReadOnlyList<string> allowedAccounts, bool allowFunctionUrlAuthNone)
    {
        var found = new List<Exposure>();
        foreach (var statement in statements.Where(s => s.Effect == "Allow"))
        {
            var publicUrl = IsPublicFunctionUrlGrant(statement);
            if (publicUrl && allowFunctionUrlAuthNone) continue;
            if (IsScoped(statement)) continue;
            var subject = Subject(statement, ownAccount, allowedAccounts);
            if (subject is not null) found.Add(new Exposure(statement, subject, publicUrl));
        }
        return found;
    }

    /// <summary>"everyone" or "account 210987654321" when the statement reaches past the allowed accounts; else null.</summary>
    private static string? Subject(PolicyStatement statement, string? ownAccount, IReadOnlyList<string> allowedAccounts)
    {
        if (statement.UsesNotPrincipal) return "everyone but the NotPrincipal";
        foreach (var principal in statement.Principals)
        {
            if (principal.Value == "*" && principal.Type is "*" or "AWS") return "everyone (Principal *)";
        }
        foreach (var principal in statement.Principals.Where(p => p.Type == "AWS"))
        {
            // A template's ${AWS::AccountId} is the account the function is deployed to: its own.
            if (principal.Value.Contains(TemplateOwnAccount, StringComparison.Ordinal)) continue;
            var account = AccountOf(principal.Value);
            if (account is null) return $"principal {principal.Value}";
            if (account != ownAccount && !allowedAccounts.Contains(account, StringComparer.Ordinal)) return $"account {account}";
        }
        return null;
    }

    /// <summary>The account of <c>123456789012</c>, <c>arn:aws:iam::123456789012:root</c> or any IAM/STS principal ARN.</summary>
    public static string? AccountOf(string principal)
    {
        if (IsAccountId(principal)) return principal;
        var parts = principal.Split(':');
        return parts.Length >= 6 && parts[0] == "arn" && parts[2] is "iam" or "sts" && IsAccountId(parts[4]) ? parts[4] : null;
    }

    private static bool IsAccountId(string text) => text.Length == 12 && text.All(char.IsAsciiDigit);

    /// <summary>A condition on a scoping key whose values are not all the bare wildcard <c>*</c>.</summary>
    private static bool IsScoped(PolicyStatement statement) =>
        statement.Conditions.Any(c =>
            ScopingKeys.Contains(c.Key, StringComparer.OrdinalIgnoreCase) && c.Values.Count > 0 && c.Values.Any(v => v != "*") &&
            !c.Operator.StartsWith("StringNot", StringComparison.OrdinalIgnoreCase) && !c.Operator.StartsWith("ArnNot", StringComparison.OrdinalIgnoreCase) &&
            !c.Operator.Equals("Null", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The grants Lambda writes for a function URL with auth type NONE: <c>lambda:InvokeFunctionUrl</c> with
    /// <c>lambda:FunctionUrlAuthType</c> = <c>NONE</c>, and its companion <c>lambda:InvokeFunction</c> limited by
    /// <c>lambda:InvokedViaFunctionUrl</c> = <c>true</c>. Only statements that allow nothing else qualify.
    /// </summary>
    public static bool IsPublicFunctionUrlGrant(PolicyStatement statement)
    {
        if (statement.UsesNotAction || statement.Actions.Count == 0) return false;
        var urlOnly = statement.Actions.All(a => a.Equals("lambda:InvokeFunctionUrl", StringComparison.OrdinalIgnoreCase));
        var invokeOnly = statement.Actions.All(a =>
            a.Equals("lambda:InvokeFunctionUrl", StringComparison.OrdinalIgnoreCase) || a.Equals("lambda:InvokeFunction", StringComparison.OrdinalIgnoreCase));
        var authNone = statement.Conditions.Any(c =>
            c.Key.Equals("lambda:FunctionUrlAuthType", StringComparison.OrdinalIgnoreCase) && c.Values.Contains("NONE", StringComparer.OrdinalIgnoreCase));
        var viaUrl = statement.Conditions.Any(c =>
            c.Key.Equals("lambda:InvokedViaFunctionUrl", StringComparison.OrdinalIgnoreCase) && c.Values.Contains("true", StringComparer.OrdinalIgnoreCase));
        return (urlOnly && authNone) || (invokeOnly && viaUrl);
    }
}
