using System.Text.RegularExpressions;
using ConfigRules.Aws;
using ConfigRules.Aws.Sts;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.Hosting;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Handlers.CloudFormationHook;

/// <summary>
/// Builds the hook at init: the rules of <c>CONFIGRULES_RULES</c> (an unknown rule or invalid parameter is an init
/// error), their declared live lookups over the function's AWS context, the exemptions, and the payload reader.
/// </summary>
public static class CloudFormationHookComposition
{
    /// <summary>The payload must come back well within the hook's 30 seconds.</summary>
    public static readonly TimeSpan PayloadTimeout = TimeSpan.FromSeconds(10);

    /// <remarks>
    /// The exemptions document (<c>CONFIGRULES_EXEMPTIONS_URI</c>) is read as the rule functions read it, with S3
    /// GetObject and the same one-minute cache, and checked against the whole catalog.
    /// </remarks>
    public static CloudFormationHookHandler Create(HandlerInitContext init, IReadOnlyList<IConfigRule> catalog)
    {
        ArgumentNullException.ThrowIfNull(init);
        var rules = HookRuleSet.FromEnvironment(init.Environment.GetVariable, catalog);
        var aws = AwsClientContext.FromEnvironment(new RuntimeEnvironmentVariables(init.Environment), timeProvider: init.Time);
        var live = new HookLookups(RuleLookups.Live(rules.Definitions, new LookupInfrastructure(init.Time).With(aws)),
            MemberLookups(init, rules, aws), new HookJudge(rules, init.Time).OfflineServices([]));
        IExemptionSource exemptions = S3Exemptions.FromEnvironment(init.Environment.GetVariable, aws,
            ExemptionCatalog.FromDefinitions(catalog.Select(rule => rule.Definition)), init.Time) ?? (IExemptionSource)FixedExemptions.None;
        var http = new HttpClient { Timeout = PayloadTimeout };
        init.Logger.Info("Hook ready",
            LogField.Of("rules", string.Join(",", rules.Rules.Select(rule => rule.Definition.Id))),
            LogField.Of("region", aws.Region),
            LogField.Of("exemptions", ExemptionsUri.FromEnvironment(init.Environment.GetVariable)?.ToString()));
        return new CloudFormationHookHandler(rules, exemptions, new HttpPayloadFetcher(http), live, init.Time, init.Logger);
    }

    /// <summary>
    /// With <see cref="MemberAccountAccess.RoleNameVariable"/> set (the central account of the organization roll-out): a
    /// member account's lookups with the member role there, assumed with STS as the central rule functions do.
    /// </summary>
    private static Func<string, string, RuleServices>? MemberLookups(HandlerInitContext init, HookRuleSet rules, AwsClientContext aws)
    {
        var roleName = init.Environment.GetVariable(MemberAccountAccess.RoleNameVariable);
        if (string.IsNullOrWhiteSpace(roleName)) return null;
        if (!Regex.IsMatch(roleName, @"^[\w+=,.@-]{1,64}$", RegexOptions.CultureInvariant))
            throw new InvalidMemberRoleNameException(
                $"{MemberAccountAccess.RoleNameVariable} '{roleName}' is not an IAM role name: 1 to 64 of letters, digits and +=,.@_- (no path, no ARN).");
        var sts = StsClient.Create(aws);
        return (partition, account) =>
        {
            var credentials = new AssumeRoleCredentialsProvider(sts, $"arn:{partition}:iam::{account}:role/{roleName}", "configrules-cloudformation-hook", init.Time);
            return RuleLookups.Live(rules.Definitions, new LookupInfrastructure(init.Time).With(aws.WithCredentials(credentials)));
        };
    }
}
