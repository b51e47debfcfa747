using ConfigRules.Aws;
using ConfigRules.Aws.Sts;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.Framework.Settings;
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
        var environment = init.Variables();
        var rules = HookRuleSet.FromEnvironment(environment.Get, catalog);
        var aws = AwsClientContext.FromEnvironment(environment, timeProvider: init.Time);
        var live = new HookLookups(RuleComposition.LiveLookups(rules.Definitions, aws, init.Time),
            MemberLookups(environment, init.Time, rules, aws), new HookJudge(rules, init.Time).OfflineServices([]));
        IExemptionSource exemptions = S3Exemptions.FromEnvironment(environment, aws,
            ExemptionCatalog.FromDefinitions(catalog.Select(rule => rule.Definition)), init.Time) ?? (IExemptionSource)FixedExemptions.None;
        var http = new HttpClient { Timeout = PayloadTimeout };
        init.Logger.Info("Hook ready",
            LogField.Of("rules", string.Join(",", rules.Rules.Select(rule => rule.Definition.Id))),
            LogField.Of("region", aws.Region),
            LogField.Of("exemptions", ExemptionsUri.FromEnvironment(environment)?.ToString()));
        return new CloudFormationHookHandler(rules, exemptions, new HttpPayloadFetcher(http), live, init.Time, init.Logger);
    }

    /// <summary>
    /// With <see cref="MemberAccountAccess.RoleNameVariable"/> set (the central account of the organization roll-out): a
    /// member account's lookups with the member role there, assumed with STS as the central rule functions do.
    /// </summary>
    private static Func<string, string, RuleServices>? MemberLookups(IEnvironmentVariables environment, TimeProvider time, HookRuleSet rules, AwsClientContext aws)
    {
        if (MemberAccountAccess.RoleNameFrom(environment) is not { } roleName) return null;
        var sts = StsClient.Create(aws);
        return (partition, account) =>
        {
            var credentials = new AssumeRoleCredentialsProvider(sts, $"arn:{partition}:iam::{account}:role/{roleName}", "configrules-cloudformation-hook", time);
            return RuleComposition.LiveLookups(rules.Definitions, aws.WithCredentials(credentials), time);
        };
    }
}
