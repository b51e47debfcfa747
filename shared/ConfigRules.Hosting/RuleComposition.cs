using ConfigRules.Aws;
using ConfigRules.Aws.Config;
using ConfigRules.Aws.Endpoints;
using ConfigRules.Framework.Exemptions;
using ConfigRules.Framework.Rules;
using ConfigRules.LambdaRuntime.Handlers;
using ConfigRules.LambdaRuntime.Logging;

namespace ConfigRules.Hosting;

/// <summary>
/// What a rule handler works with in Lambda: AWS Config over signed awsJson1_1 calls (credentials, region and
/// endpoints from the function's environment) and the live lookups the rule declares, nothing more. Creating them
/// makes no AWS call. With <see cref="MemberAccountAccess.RoleNameVariable"/> set, events of other accounts get the
/// same clients over that account's member role; with CONFIGRULES_EXEMPTIONS_URI set, the exemptions document is
/// read from S3 (cached for a minute).
/// </summary>
public static class RuleComposition
{
    /// <summary>A bootstrap of one rule: an exemptions document may name that rule only.</summary>
    public static RuleDependencies Create(IConfigRule rule, HandlerInitContext context) =>
        Create(rule, context, ExemptionCatalog.FromDefinitions([rule.Definition]));

    /// <summary>
    /// Runs once, at init, for the selected rule handler; the AWS context lives as long as the process.
    /// <paramref name="exemptionCatalog"/> is every rule the bootstrap serves: the exemptions document is checked
    /// against all of them, whichever one this function runs.
    /// </summary>
    public static RuleDependencies Create(IConfigRule rule, HandlerInitContext context, IExemptionCatalog exemptionCatalog)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(context);
        var environment = context.Variables();
        var aws = AwsClientContext.FromEnvironment(environment, timeProvider: context.Time);
        var members = MemberAccountAccess.FromEnvironment(context, rule.Definition, aws);
        var exemptions = S3Exemptions.FromEnvironment(environment, aws, exemptionCatalog, context.Time);
        context.Logger.Info("AWS clients ready",
            LogField.Of("region", aws.Region),
            LogField.Of("configEndpoint", aws.EndpointFor(AwsService.Config).BaseUri.ToString()),
            LogField.Of("lookups", string.Join(",", rule.Definition.Lookups.Select(lookup => lookup.Service.Name))),
            LogField.Of("memberRoleName", members?.RoleName),
            LogField.Of("exemptions", exemptions is null ? null : environment.Get(ExemptionsUri.Variable)));
        return For(rule.Definition, aws, context.Time) with { MemberAccounts = members, Exemptions = exemptions };
    }

    /// <summary>Config and the rule's declared live lookups over one AWS context (the function's, or a member account's).</summary>
    public static RuleDependencies For(RuleDefinition definition, AwsClientContext aws, TimeProvider time) =>
        new(ConfigServiceClient.Create(aws), LiveLookups([definition], aws, time));

    /// <summary>
    /// The live lookups the rules declare (IAM, Lambda, WAFv2, CloudWatch, CloudTrail) over one AWS context, one per
    /// service however many rules declare it: what a rule function reads, and what <c>configrules evaluate --live</c> reads.
    /// </summary>
    public static RuleServices LiveLookups(IEnumerable<RuleDefinition> definitions, AwsClientContext aws, TimeProvider time) =>
        RuleLookups.Live(definitions, new LookupInfrastructure(time).With(aws));
}
