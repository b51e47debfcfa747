namespace ConfigRules.Framework.Model;

/// <summary>
/// The ARN a template gives a resource it defines itself, before deployment assigns the real one: the account segment
/// is <see cref="Account"/>. A rule that reads the related resource (an execution role the template creates) finds it
/// among the template's items by this ARN, and knows that only the ARN itself is not known yet.
/// </summary>
public static class DeploymentAssignedArn
{
    /// <summary>Not an account id: the account (and the final name or path) is known only after deployment.</summary>
    public const string Account = "deployment";

    /// <summary>The role a template defines under <paramref name="logicalId"/>.</summary>
    public static string Role(string logicalId) => $"arn:aws:iam::{Account}:role/{logicalId}";

    public static bool IsAssigned(string arn) => arn.Split(':') is { Length: >= 6 } parts && parts[4] == Account;
}
