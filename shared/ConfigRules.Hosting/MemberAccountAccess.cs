using ConfigRules.Framework.Settings;
using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using ConfigRules.Aws;
using ConfigRules.Aws.Sts;
using ConfigRules.Framework.Events;
using ConfigRules.Framework.Rules;
using ConfigRules.LambdaRuntime.Handlers;

namespace ConfigRules.Hosting;

/// <summary>
/// Central rule functions (the organization roll-out): when <see cref="RoleNameVariable"/> is set, an event from
/// another account is reported into that account with the credentials of the role of that name there
/// (<c>arn:&lt;partition&gt;:iam::&lt;accountId&gt;:role/&lt;name&gt;</c>, assumed with STS), because PutEvaluations
/// only accepts the rule-owning account's own principals. The function's own account is told by the invoked
/// function ARN; its events keep the function's own credentials. Clients and credentials are kept per account
/// for the life of the process; credentials are assumed again shortly before they expire.
/// </summary>
public sealed partial class MemberAccountAccess(AwsClientContext aws, RuleDefinition rule, string roleName, string sessionName, TimeProvider time)
{
    public const string RoleNameVariable = "CONFIGRULES_MEMBER_ROLE_NAME";
    private readonly StsClient _sts = StsClient.Create(aws);
    private readonly ConcurrentDictionary<string, Lazy<MemberAccount>> _accounts = new(StringComparer.Ordinal);

    public string RoleName { get; } = roleName;

    /// <summary>The access configured by <see cref="RoleNameVariable"/>, or null when it is unset (every event is this account's).</summary>
    public static MemberAccountAccess? FromEnvironment(HandlerInitContext context, RuleDefinition rule, AwsClientContext aws)
    {
        if (RoleNameFrom(context.Variables()) is not { } roleName) return null;
        // STS session names are at most 64 characters; rule ids are far shorter, the cut is only a guard.
        var sessionName = ("configrules-" + context.HandlerName)[..Math.Min(64, 12 + context.HandlerName.Length)];
        return new MemberAccountAccess(aws, rule, roleName, sessionName, context.Time);
    }

    /// <summary>The member role's name from <see cref="RoleNameVariable"/>, or null when unset; a path or an ARN is refused.</summary>
    /// <exception cref="InvalidMemberRoleNameException">The value is not an IAM role name.</exception>
    public static string? RoleNameFrom(IEnvironmentVariables environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var roleName = environment.Get(RoleNameVariable);
        if (string.IsNullOrWhiteSpace(roleName)) return null;
        if (!RoleNamePattern().IsMatch(roleName))
            throw new InvalidMemberRoleNameException(
                $"{RoleNameVariable} '{roleName}' is not an IAM role name: 1 to 64 of letters, digits and +=,.@_- (no path, no ARN).");
        return roleName;
    }

    /// <summary>
    /// The clients for the event's account, or null when the event belongs to the function's own account. The role is
    /// assumed here, before any evaluation, so a refusal fails the invocation at once with <see cref="AssumeRoleFailedException"/>.
    /// </summary>
    public async Task<MemberAccount?> ForEventAsync(ConfigRuleEvent evt, string? invokedFunctionArn, CancellationToken cancellationToken)
    {
        var (partition, ownAccount) = FunctionArnParts(invokedFunctionArn);
        var accountId = evt.AccountId;
        if (accountId is null || !AccountIdPattern().IsMatch(accountId))
            throw new InvalidEventException(
                $"The event's accountId '{accountId}' is not a 12-digit account id; a central rule function ({RoleNameVariable} set) needs it to know which account to report into.");
        if (accountId == ownAccount) return null;

        var account = _accounts.GetOrAdd(accountId, id => new Lazy<MemberAccount>(() => Create(partition, id))).Value;
        await account.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        return account;
    }

    private MemberAccount Create(string partition, string accountId)
    {
        var roleArn = $"arn:{partition}:iam::{accountId}:role/{RoleName}";
        var credentials = new AssumeRoleCredentialsProvider(_sts, roleArn, sessionName, time);
        var member = aws.WithCredentials(credentials);
        return new MemberAccount(accountId, roleArn, credentials, RuleComposition.For(rule, member, time));
    }

    /// <summary>arn:aws:lambda:eu-west-1:123456789012:function:name[:qualifier] → (aws, 123456789012).</summary>
    private static (string Partition, string Account) FunctionArnParts(string? functionArn)
    {
        var parts = functionArn?.Split(':');
        if (parts is null || parts.Length < 7 || parts[0] != "arn" || parts[2] != "lambda" || !AccountIdPattern().IsMatch(parts[4]))
            throw new InvalidEventException(
                $"The invocation's Lambda-Runtime-Invoked-Function-Arn '{functionArn}' is not a Lambda function ARN; a central rule function needs it to tell its own account from member accounts.");
        return (parts[1], parts[4]);
    }

    [GeneratedRegex(@"^[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleNamePattern();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}

/// <summary>A member account's role and the rule's clients signed with its assumed credentials.</summary>
public sealed record MemberAccount(string AccountId, string RoleArn, AssumeRoleCredentialsProvider Credentials, RuleDependencies Dependencies);

/// <summary>CONFIGRULES_MEMBER_ROLE_NAME holds something that is not a role name: an init error.</summary>
public sealed class InvalidMemberRoleNameException(string message)
    : ConfigRulesException("InvalidMemberRoleNameException", message);
