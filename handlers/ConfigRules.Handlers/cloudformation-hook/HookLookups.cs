using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ConfigRules.Framework.Rules;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// The live lookups of a resource operation, in the account the request comes from. The hook of every member account
/// invokes the central function (organization roll-out): a role ARN there names a role of the member account, which
/// only that account's IAM can read, through the member role the central functions assume
/// (<c>CONFIGRULES_MEMBER_ROLE_NAME</c>). Without that role a member's request is judged with what it carries alone
/// (an unknown role is NOT_APPLICABLE), never against a same-named role of the central account.
/// </summary>
public sealed partial class HookLookups(RuleServices own, Func<string, string, RuleServices>? member, RuleServices withoutLookups)
{
    private readonly ConcurrentDictionary<string, Lazy<RuleServices>> _members = new(StringComparer.Ordinal);

    /// <summary>The lookups for a request of <paramref name="requestAccount"/> to the function <paramref name="invokedFunctionArn"/>.</summary>
    /// <remarks>Without the invoked function ARN (tests, local runs) the request is taken as the function's own account's.</remarks>
    public RuleServices For(string? requestAccount, string? invokedFunctionArn)
    {
        if (invokedFunctionArn?.Split(':') is not { Length: >= 7 } parts || parts[2] != "lambda") return own;
        var (partition, ownAccount) = (parts[1], parts[4]);
        if (requestAccount is null || requestAccount == ownAccount) return own;
        if (!AccountId().IsMatch(requestAccount))
            throw new HookInputException($"awsAccountId '{requestAccount}' is not a 12-digit account id.");
        if (member is null) return withoutLookups;
        return _members.GetOrAdd(requestAccount, account => new Lazy<RuleServices>(() => member(partition, account))).Value;
    }

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();
}
